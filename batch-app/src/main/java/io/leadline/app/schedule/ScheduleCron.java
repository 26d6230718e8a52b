package io.leadline.app.schedule;

import org.springframework.scheduling.support.CronExpression;

/**
 * A cron setting checked when the settings are bound, not when the schedule first runs.
 */
final class ScheduleCron {

	private ScheduleCron() {
	}

	static String require(String setting, String cron) {
		if (cron == null || !CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException(
					setting + " must be a cron expression of six fields (e.g. '0 0 2 * * *'), not '" + cron + "'");
		}
		return cron;
	}

}
