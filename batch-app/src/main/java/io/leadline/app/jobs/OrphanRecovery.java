package io.leadline.app.jobs;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentRequest;

/**
 * While the server runs, jobs whose process died (kill -9, a lost machine or container)
 * are marked failed and, unless {@code LEADLINE_RECOVERY_AUTO_RESTART=false}, restarted
 * from their last commit: at start-up, then every {@link ExecutionLeases#STALE_AFTER},
 * because a job of another host only counts as orphaned once its heartbeat is that old.
 * Jobs a live process runs are left alone ({@link CrashRecovery}).
 */
@Component
@Profile("serve")
@EnableConfigurationProperties(RecoveryProperties.class)
class OrphanRecovery {

	private static final Logger log = LoggerFactory.getLogger(OrphanRecovery.class);

	private final CrashRecovery recovery;

	private final JobOperator jobOperator;

	private final ExecutionLeases leases;

	private final boolean autoRestart;

	OrphanRecovery(CrashRecovery recovery, JobOperator jobOperator, ExecutionLeases leases,
			RecoveryProperties properties) {
		this.recovery = recovery;
		this.jobOperator = jobOperator;
		this.leases = leases;
		this.autoRestart = properties.autoRestart();
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		recoverOrphanedJobs();
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
	synchronized void recoverOrphanedJobs() {
		for (JobExecution orphan : recovery.recoverOrphans()) {
			UUID jobId = EnrichmentRequest.jobIdOf(orphan.getJobParameters());
			if (!autoRestart) {
				log.warn("job {} was running in a process that is gone; it is failed now, restart it when ready",
						jobId);
				continue;
			}
			try {
				leases.claim(jobOperator.restart(orphan));
				log.info("job {} restarted after its process died", jobId);
			}
			catch (JobRestartException | RuntimeException e) {
				if (e.getCause() instanceof JobExecutionAlreadyRunningException) {
					log.info("job {} was restarted by another instance", jobId);
				}
				else {
					log.error("job {} could not be restarted after its process died: {}", jobId, e.getMessage());
				}
			}
		}
	}

}
