package io.leadline.jobs.credits;

import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.JobProgress;
import io.leadline.jobs.enrichment.RowStatus;

/**
 * Reserves a job's credits before it runs (a no-op when the API already did, or on a restart) and
 * settles them after a completed run, charging only {@code ok} rows. A failed run keeps its
 * reservation until it is restarted, abandoned or expires.
 */
public final class CreditListener implements JobExecutionListener {

  private final CreditLedger ledger;
  private final String unenforcedAccount;

  /**
   * @param unenforcedAccount the account whose usage is recorded but never refused (the CLI's
   *     {@code local}), or null
   */
  public CreditListener(CreditLedger ledger, String unenforcedAccount) {
    this.ledger = ledger;
    this.unenforcedAccount = unenforcedAccount;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    EnrichmentRequest request = EnrichmentRequest.from(execution.getJobParameters());
    if (request.owner().equals(unenforcedAccount)) {
      ledger.ensureUnenforcedAccount(request.owner());
    }
    ledger.reserve(request.owner(), request.jobId(), request.rowCount());
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      return;
    }
    Map<RowStatus, Long> rows = JobProgress.statuses(execution);
    long charged = rows.entrySet().stream().filter(e -> e.getKey().isCharged()).mapToLong(Map.Entry::getValue).sum();
    ledger.settle(EnrichmentRequest.from(execution.getJobParameters()).jobId(), charged);
  }
}
