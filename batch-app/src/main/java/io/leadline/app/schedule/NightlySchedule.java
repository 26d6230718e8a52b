package io.leadline.app.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the inbox sweep on {@code LEADLINE_NIGHTLY_CRON} (default 02:00) while the server
 * runs.
 */
@Component
@Profile("serve")
class NightlySchedule {

	private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

	private final NightlyInbox inbox;

	NightlySchedule(NightlyInbox inbox) {
		this.inbox = inbox;
	}

	@Scheduled(cron = "${leadline.nightly.cron:0 0 2 * * *}")
	void sweep() {
		try {
			log.info("nightly sweep: {}", inbox.sweep());
		}
		catch (Exception e) {
			// why: a failed sweep must not stop the schedule; the next one picks the
			// files up again
			log.error("nightly sweep failed", e);
		}
	}

}
