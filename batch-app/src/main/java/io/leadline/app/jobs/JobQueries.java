package io.leadline.app.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/**
 * What a caller may read about jobs, owner scoping included: admins see every job, others
 * their own; another owner's job is not found. A REST route and a web page share these.
 */
@Component
public class JobQueries {

	private final JobCatalog catalog;

	private final CreditLedger ledger;

	private final ObjectStore store;

	JobQueries(JobCatalog catalog, CreditLedger ledger, ObjectStore store) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.store = store;
	}

	/**
	 * One page of the caller's jobs (everyone's for an admin), newest first, with their
	 * ledger rows: a constant number of queries whatever the page size.
	 */
	public JobPage page(Caller caller, Optional<JobState> state, int page, int size) {
		Optional<String> owner = caller.admin() ? Optional.empty() : Optional.of(caller.accountId());
		List<JobView> jobs = catalog.page(owner, state, page * size, size);
		Map<UUID, List<LedgerEntry>> credits = ledger.jobEntries(jobs.stream().map(JobView::jobId).toList());
		return new JobPage(jobs, credits, catalog.count(owner, state));
	}

	/**
	 * @throws JobNotFoundException when there is no such job or it is not the caller's
	 */
	public JobView visible(Caller caller, UUID jobId) {
		return catalog.view(jobId)
			.filter(view -> caller.mayAccess(view.owner()))
			.orElseThrow(() -> new JobNotFoundException("job", jobId));
	}

	/** The job's ledger rows, oldest first. */
	public List<LedgerEntry> credits(UUID jobId) {
		return ledger.jobEntries(jobId);
	}

	/** Runs, steps, partition progress, retries and credit movements, oldest first. */
	public List<JobLogLine> log(Caller caller, UUID jobId) {
		visible(caller, jobId);
		List<JobLogLine> lines = new ArrayList<>(catalog.log(jobId));
		for (LedgerEntry entry : ledger.jobEntries(jobId)) {
			lines.add(new JobLogLine(entry.at(),
					"credits %s %+,d: %s".formatted(entry.kind().name().toLowerCase(), entry.delta(), entry.reason())));
		}
		lines.sort(Comparator.comparing(JobLogLine::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return lines;
	}

	/**
	 * The job's result, once it is paid for.
	 * @throws JobConflictException {@code result_not_ready} before the job settled,
	 * {@code no_result} when the result is gone (deleted)
	 */
	public ResultFile result(Caller caller, UUID jobId) throws java.io.IOException {
		JobView view = visible(caller, jobId);
		// why: merge publishes, then settles; a result is served only once it is paid for
		if (!ledger.isSettled(jobId)) {
			throw new JobConflictException("result_not_ready",
					"job " + jobId + " is " + view.state().label() + " and has no paid result (yet)");
		}
		ObjectInfo info = store.stat(view.resultKey())
			.orElseThrow(() -> new JobConflictException("no_result",
					"job " + jobId + " is " + view.state().label() + " and has no result (yet)"));
		return new ResultFile(ResultFile.nameFor(view.fileName(), view.resultFormat()), view.resultFormat(),
				info.size(), view.resultKey(), store);
	}

	/**
	 * A page of jobs and their ledger rows.
	 *
	 * @param total jobs matching the filter on every page
	 */
	public record JobPage(List<JobView> jobs, Map<UUID, List<LedgerEntry>> credits, long total) {

		public List<LedgerEntry> creditsOf(UUID jobId) {
			return credits.getOrDefault(jobId, List.of());
		}

	}

}
