package io.leadline.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The metrics-only credential: Prometheus scrapes {@code /actuator/prometheus} with HTTP
 * Basic as user {@code prometheus}, so it never holds a token that can move credits.
 *
 * @param password {@code LEADLINE_METRICS_PASSWORD}; unset means only admin tokens scrape
 */
@ConfigurationProperties("leadline.metrics")
record MetricsProperties(String password) {

	static final String USER = "prometheus";

	boolean isSet() {
		return password != null && !password.isBlank();
	}

	@Override
	public String toString() {
		return "MetricsProperties[password=%s]".formatted(isSet() ? "****" : "");
	}

}
