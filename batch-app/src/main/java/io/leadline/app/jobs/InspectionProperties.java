package io.leadline.app.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the server inspects one list (an upload or a nightly inbox file).
 *
 * @param timeLimit {@code LEADLINE_INSPECTION_TIME_LIMIT}: default 2 minutes; a list that
 * takes longer is refused with {@code inspection_timeout}
 */
@ConfigurationProperties("leadline.inspection")
record InspectionProperties(@DefaultValue("2m") Duration timeLimit) {

	InspectionProperties {
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("leadline.inspection.time-limit must be positive, was " + timeLimit);
		}
	}

}
