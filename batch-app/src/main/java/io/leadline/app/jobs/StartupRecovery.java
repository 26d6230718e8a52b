package io.leadline.app.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the server starts, jobs whose process died (kill -9, a lost machine) are marked failed and,
 * unless {@code LEADLINE_RECOVERY_AUTO_RESTART=false}, restarted from their last commit. Jobs a
 * live process runs are left alone ({@link CrashRecovery}).
 */
@Component
@Profile("serve")
class StartupRecovery {

	private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

	private final CrashRecovery recovery;

	private final JobOperator jobOperator;

	private final boolean autoRestart;

	StartupRecovery(CrashRecovery recovery, JobOperator jobOperator,
			@Value("${leadline.recovery.auto-restart:true}") boolean autoRestart) {
		this.recovery = recovery;
		this.jobOperator = jobOperator;
		this.autoRestart = autoRestart;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recoverOrphanedJobs() {
		for (JobExecution orphan : recovery.recoverOrphans()) {
			String jobId = orphan.getJobParameters().getString("jobId");
			if (!autoRestart) {
				log.warn("job {} was running in a process that is gone; it is failed now, restart it when ready", jobId);
				continue;
			}
			try {
				jobOperator.restart(orphan);
				log.info("job {} restarted after its process died", jobId);
			}
			catch (Exception e) {
				log.error("job {} could not be restarted after its process died: {}", jobId, e.getMessage());
			}
		}
	}
}
