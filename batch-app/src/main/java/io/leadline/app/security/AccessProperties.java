package io.leadline.app.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may get in and from where.
 *
 * @param signup {@code LEADLINE_SIGNUP}: {@code open} lets anyone create a web account;
 * {@code closed} (default) leaves it to admins ({@code ./leadline user add})
 * @param corsOrigins {@code LEADLINE_CORS_ORIGINS}: origins of a separately hosted
 * frontend allowed to call {@code /api/**} (comma separated; none by default)
 * @param slowAfter failed sign-ins in a row after which each further attempt waits
 * @param slowBy the first wait; it doubles with each further failure
 * @param lockAfter failed sign-ins in a row that lock the account
 * @param lockFor how long a locked account stays locked
 */
@Validated
@ConfigurationProperties("leadline.access")
public record AccessProperties(@DefaultValue("closed") String signup, @DefaultValue List<String> corsOrigins,
		@DefaultValue("3") @Min(1) int slowAfter, @DefaultValue("5s") Duration slowBy,
		@DefaultValue("6") @Min(1) int lockAfter, @DefaultValue("15m") Duration lockFor) {

	public AccessProperties {
		corsOrigins = corsOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
	}

	public boolean signupOpen() {
		return "open".equalsIgnoreCase(signup.strip());
	}

}
