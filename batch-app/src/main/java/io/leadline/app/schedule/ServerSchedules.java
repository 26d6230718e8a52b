package io.leadline.app.schedule;

import java.time.LocalDateTime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.leadline.jobs.credits.ReservationExpiry;

/**
 * The server's schedules are on; the CLI runs none. Each schedule lives with its feature
 * ({@link NightlySchedule}, {@link RetentionSweep}, the jobs' orphan recovery); the
 * credits' reservation expiry, whose feature is a library, is here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableScheduling
class ServerSchedules {

	@Bean
	ExpirySchedule expirySchedule(ReservationExpiry expiry) {
		return new ExpirySchedule(expiry);
	}

	/** Releases failed jobs' reservations once they expire. */
	record ExpirySchedule(ReservationExpiry expiry) {

		@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${leadline.credits.expiry-sweep-interval:PT1H}")
		void releaseExpired() {
			expiry.releaseExpired(LocalDateTime.now());
		}
	}

}
