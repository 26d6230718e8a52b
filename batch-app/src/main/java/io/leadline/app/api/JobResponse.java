package io.leadline.app.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.leadline.app.jobs.JobView;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.credits.LedgerKind;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.research.ProviderUsage;

/**
 * A job as the API shows it.
 *
 * @param status {@code queued|running|completed|failed|stopped|abandoned}
 * @param counts rows by {@code sif_status}, once merge has run, and {@code reused}: the
 * ok rows that were not charged
 * @param credits reserved and charged credits; charged is known once the job completed
 * @param usage provider calls and tokens, once the job completed
 * @param costUsd estimated provider cost, once the job completed; in batch mode its
 * tokens at the batch price
 * @param mode {@code live} or {@code batch}
 */
public record JobResponse(UUID jobId, String owner, String fileName, String status, Rows rows, RowCounts counts,
		LocalDateTime startedAt, double elapsedSeconds, String error, Credits credits, ProviderUsage usage,
		Double costUsd, EnrichmentMode mode) {

	public record Rows(long total, long done, double percent) {
	}

	/**
	 * @param reserved credits the job holds: its rows, less what a failed run gave back
	 * @param charged credits the job cost, once settled (0 when released)
	 * @param reused ok rows served from the owner's earlier, paid results: not charged
	 */
	public record Credits(Long reserved, Long charged, boolean released, long reused) {
	}

	public static JobResponse of(JobView view, List<LedgerEntry> ledger) {
		return new JobResponse(view.jobId(), view.owner(), view.fileName(), view.state().label(),
				new Rows(view.rowsTotal(), view.rowsDone(), Math.round(view.percent() * 10) / 10.0), view.rows(),
				view.started(), view.elapsed().toMillis() / 1000.0, view.error(), credits(ledger, view.rows()),
				view.usage(), view.costUsd(), view.mode());
	}

	private static Credits credits(List<LedgerEntry> ledger, RowCounts rows) {
		Long held = null;
		long sum = 0;
		boolean settled = false;
		boolean released = false;
		for (LedgerEntry entry : ledger) {
			sum += entry.delta();
			if (entry.kind() == LedgerKind.RESERVE || entry.kind() == LedgerKind.RETURN) {
				held = (held == null ? 0 : held) - entry.delta();
			}
			settled |= entry.kind() == LedgerKind.SETTLE;
			released |= entry.kind() == LedgerKind.RELEASE;
		}
		Long charged = settled ? Long.valueOf(-sum) : released ? Long.valueOf(0) : null;
		return new Credits(held, charged, released, rows.reused());
	}
}
