package io.leadline.app.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the inbox sweep on {@code LEADLINE_NIGHTLY_CRON} (default 02:00) while the server
 * runs.
 */
@Component
@Profile("serve")
@EnableConfigurationProperties(NightlyProperties.class)
class NightlySchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

	private final NightlyInbox inbox;

	private final NightlyProperties properties;

	NightlySchedule(NightlyInbox inbox, NightlyProperties properties) {
		this.inbox = inbox;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addCronTask(this::sweep, properties.cron());
	}

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
