package io.leadline.app.api;

import java.time.LocalDateTime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import jakarta.servlet.MultipartConfigElement;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import io.leadline.app.jobs.JobSlots;
import io.leadline.jobs.credits.ReservationExpiry;

/**
 * What {@code leadline serve} adds to the engine: jobs run on a bounded executor, so
 * starting one answers at once (extra jobs wait as {@code queued}); failed jobs'
 * reservations expire on a schedule. The CLI keeps Batch's synchronous launcher: it has
 * no web application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableScheduling
@OpenAPIDefinition(
		info = @Info(title = "Leadline API", version = "0.1",
				description = "Upload a prospect list, start an enrichment job, watch it, download the result."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class ServeConfig {

	private static final long FORM_OVERHEAD = 64 * 1024;

	/**
	 * Boot's JobOperator launches on this: the caller's thread only records the
	 * execution.
	 */
	@Bean
	@BatchTaskExecutor
	JobSlots jobExecutor(ApiProperties properties) {
		return new JobSlots(properties.concurrentJobs(), properties.queuedJobs());
	}

	/**
	 * A finite request: the file limit plus room for the form around it (an unbounded
	 * request lets one caller fill the disk with extra parts).
	 */
	@Bean
	MultipartConfigElement multipartConfig(ApiProperties properties) {
		long file = properties.maxUploadMb() * 1024L * 1024L;
		return new MultipartConfigElement(null, file, file + FORM_OVERHEAD, 0);
	}

	@Bean
	FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit(JsonMapper json) {
		FilterRegistrationBean<JsonBodyLimit> registration = new FilterRegistrationBean<>(new JsonBodyLimit(json));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	ExpirySchedule expirySchedule(ReservationExpiry expiry) {
		return new ExpirySchedule(expiry);
	}

	record ExpirySchedule(ReservationExpiry expiry) {

		@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${leadline.credits.expiry-sweep-interval:PT1H}")
		void releaseExpired() {
			expiry.releaseExpired(LocalDateTime.now());
		}
	}

}
