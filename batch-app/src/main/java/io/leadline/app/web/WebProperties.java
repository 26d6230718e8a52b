package io.leadline.app.web;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the web app shows.
 *
 * @param minutesPerRow {@code LEADLINE_MINUTES_PER_ROW}: minutes a person would spend
 * researching and writing one opener by hand; the dashboard's "time saved" is rows
 * personalized × this (1.2 min, the 0.02 h per lead of the KPI the system we rebuild
 * kept)
 * @param creditsContact {@code LEADLINE_CREDITS_CONTACT}: who grants credits, shown at a
 * zero balance while there is no billing page
 */
@Validated
@ConfigurationProperties("leadline.web")
record WebProperties(@DefaultValue("1.2") @PositiveOrZero double minutesPerRow,
		@DefaultValue("your Leadline administrator") String creditsContact) {
}
