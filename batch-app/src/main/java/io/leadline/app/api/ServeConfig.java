package io.leadline.app.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import jakarta.servlet.MultipartConfigElement;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What {@code leadline serve} adds to the engine for its API: bounded requests and the
 * API's description. Its job executor is {@code jobs.ServerJobExecutor}; its schedules
 * are in {@code schedule.ServerSchedules}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@OpenAPIDefinition(
		info = @Info(title = "Leadline API", version = "0.1",
				description = "Upload a prospect list, start an enrichment job, watch it, download the result."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class ServeConfig {

	private static final long FORM_OVERHEAD = 64 * 1024;

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

}
