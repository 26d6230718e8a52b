package io.leadline.app.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.leadline.app.jobs.JobView;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.credits.LedgerKind;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.research.ProviderUsage;

/**
 * A job as the API shows it.
 *
 * @param status {@code queued|running|completed|failed|stopped|abandoned}
 * @param counts rows by {@code sif_status}, once merge has run
 * @param credits reserved and charged credits; charged is known once the job completed
 * @param usage provider calls and tokens, once the job completed
 */
public record JobResponse(UUID jobId, String owner, String fileName, String status, Rows rows, RowCounts counts,
		LocalDateTime startedAt, double elapsedSeconds, String error, Credits credits, ProviderUsage usage) {

	public record Rows(long total, long done, double percent) {
	}

	public record Credits(Long reserved, Long charged, boolean released) {
	}

	public static JobResponse of(JobView view, List<LedgerEntry> ledger) {
		return new JobResponse(view.jobId(), view.owner(), view.fileName(), view.state().label(),
				new Rows(view.rowsTotal(), view.rowsDone(), Math.round(view.percent() * 10) / 10.0), view.rows(),
				view.started(), view.elapsed().toMillis() / 1000.0, view.error(), credits(ledger), view.usage());
	}

	private static Credits credits(List<LedgerEntry> ledger) {
		Long reserved = null;
		Long charged = null;
		boolean released = false;
		for (LedgerEntry entry : ledger) {
			if (entry.kind() == LedgerKind.RESERVE) {
				reserved = -entry.delta();
			}
		}
		for (LedgerEntry entry : ledger) {
			if (entry.kind() == LedgerKind.SETTLE && reserved != null) {
				charged = reserved - entry.delta();
			}
			released |= entry.kind() == LedgerKind.RELEASE;
		}
		return new Credits(reserved, released ? Long.valueOf(0) : charged, released);
	}
}
