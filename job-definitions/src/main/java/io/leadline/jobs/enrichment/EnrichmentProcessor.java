package io.leadline.jobs.enrichment;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.leadline.jobs.credits.ResearchedRows;
import io.leadline.jobs.research.FatalProviderException;
import io.leadline.jobs.research.ProspectResearcher;
import io.leadline.jobs.research.ProspectResult;
import io.leadline.jobs.research.ServiceContext;

/**
 * Researches one row and writes its line. A transient provider failure propagates, so the
 * step's retry policy retries the row; a fatal one halts the whole job. Rows that needed
 * no provider never get here: prepare settled them. A row answered by the cache alone
 * that the owner paid for before is marked reused: it is not charged again.
 */
class EnrichmentProcessor implements ItemProcessor<ProspectRow, RowRecord> {

	/**
	 * Where a row's result comes from: the providers, live, or the batch step's answers.
	 */
	@FunctionalInterface
	interface RowResearch {

		ProspectResult research(ProspectRow row);

		/** Live: the row's prospect researched now, company research shared per job. */
		static RowResearch live(ProspectResearcher researcher, RowProspect prospects, EnrichmentRequest request) {
			String scope = request.jobId().toString();
			return row -> researcher.research(prospects.of(row), request.service(), scope);
		}

	}

	private final RowResearch research;

	private final EnrichmentRequest request;

	private final ServiceContext service;

	private final ResearchedRows researchedRows;

	private final UsageMeter usage;

	private final JobHalt halt;

	private final long jobExecutionId;

	/**
	 * @param request the job: its owner, service context and id (contacts of one company
	 * in this job are researched once)
	 */
	EnrichmentProcessor(RowResearch research, EnrichmentRequest request, UsageMeter usage, JobHalt halt,
			long jobExecutionId, ResearchedRows researchedRows) {
		this.research = research;
		this.request = request;
		this.service = request.service();
		this.researchedRows = researchedRows;
		this.usage = usage;
		this.halt = halt;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public RowRecord process(ProspectRow row) {
		halt.reason(jobExecutionId).ifPresent(reason -> {
			throw new JobHalt.HaltedException(reason);
		});
		ProspectResult result;
		try {
			result = research.research(row);
		}
		catch (FatalProviderException e) {
			halt.trip(jobExecutionId, e.getMessage());
			throw e;
		}
		usage.add(result.usage());
		if (result.isOk() && isAnsweredByTheCache(result) && wasPaidBefore(row)) {
			return RowRecord.reused(row.rowNumber(), result.researchJson(), result.opener(), row.cells());
		}
		if (result.isOk()) {
			researchedRows.record(request.owner(), row.email(), service, request.jobId());
		}
		RowStatus status = result.status() == ProspectResult.Status.OK ? RowStatus.OK : RowStatus.FAILED;
		return new RowRecord(row.rowNumber(), status, result.reason(), result.researchJson(), result.opener(), 0,
				row.cells());
	}

	// why: a provider call costs money again, so only a row served wholly from earlier
	// answers is free
	private static boolean isAnsweredByTheCache(ProspectResult result) {
		return result.usage().serperCalls() == 0 && result.usage().groqCalls() == 0;
	}

	private boolean wasPaidBefore(ProspectRow row) {
		return researchedRows.paidBefore(request.owner(), row.email(), service);
	}

}
