package io.leadline.jobs.enrichment;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.leadline.jobs.research.FatalProviderException;
import io.leadline.jobs.research.ProspectResearcher;
import io.leadline.jobs.research.ProspectResult;
import io.leadline.jobs.research.ServiceContext;

/**
 * Researches one row and writes its line. A transient provider failure propagates, so the
 * step's retry policy retries the row; a fatal one halts the whole job. Rows that needed
 * no provider never get here: prepare settled them.
 */
class EnrichmentProcessor implements ItemProcessor<ProspectRow, RowRecord> {

	private final ProspectResearcher researcher;

	private final ServiceContext service;

	private final UsageMeter usage;

	private final JobHalt halt;

	private final long jobExecutionId;

	private final RowProspect prospects;

	private final String jobId;

	/**
	 * @param jobId what shares company research: contacts of one company in this job are
	 * researched once
	 */
	EnrichmentProcessor(ProspectResearcher researcher, ServiceContext service, UsageMeter usage, JobHalt halt,
			long jobExecutionId, RowProspect prospects, String jobId) {
		this.researcher = researcher;
		this.service = service;
		this.usage = usage;
		this.halt = halt;
		this.jobExecutionId = jobExecutionId;
		this.prospects = prospects;
		this.jobId = jobId;
	}

	@Override
	public RowRecord process(ProspectRow row) {
		halt.reason(jobExecutionId).ifPresent(reason -> {
			throw new JobHalt.HaltedException(reason);
		});
		ProspectResult result;
		try {
			result = researcher.research(prospects.of(row), service, jobId);
		}
		catch (FatalProviderException e) {
			halt.trip(jobExecutionId, e.getMessage());
			throw e;
		}
		usage.add(result.usage());
		RowStatus status = result.status() == ProspectResult.Status.OK ? RowStatus.OK : RowStatus.FAILED;
		return new RowRecord(row.rowNumber(), status, result.reason(), result.researchJson(), result.opener(), 0,
				row.cells());
	}

}
