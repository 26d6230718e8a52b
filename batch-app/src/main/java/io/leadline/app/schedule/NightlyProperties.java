package io.leadline.app.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the server sweeps the nightly inbox.
 *
 * @param cron {@code LEADLINE_NIGHTLY_CRON}: six-field cron, default 02:00 every day
 */
@ConfigurationProperties("leadline.nightly")
public record NightlyProperties(@DefaultValue("0 0 2 * * *") String cron) {

	public NightlyProperties {
		ScheduleCron.require("leadline.nightly.cron", cron);
	}

}
