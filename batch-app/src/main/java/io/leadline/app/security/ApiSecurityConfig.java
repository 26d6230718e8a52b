package io.leadline.app.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's door: every {@code /api/**} call needs a valid bearer token (rules in
 * {@link TokenDecoders}); health, the OpenAPI document and its UI are open;
 * {@code /api/admin/**} needs the admin role; metrics take the metrics-only credential.
 * Stateless, no sessions, no CSRF (no cookies are ever read).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MetricsProperties.class)
class ApiSecurityConfig {

	/**
	 * {@code /actuator/prometheus}: the metrics-only credential (HTTP Basic, user
	 * {@code prometheus}) or an admin token; nothing else.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain metricsSecurity(HttpSecurity http, JsonMapper json, MetricsProperties metrics)
			throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		return http.securityMatcher("/actuator/prometheus")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("ADMIN", MetricsScraper.ROLE))
			.authenticationProvider(new MetricsScraper(metrics))
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.oauth2ResourceServer(
					server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(ApiSecurityConfig::authentication))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll()
				// why: Stripe signs its webhook instead of sending a token; the signature
				// is checked by the billing webhook itself
				.requestMatchers(HttpMethod.POST, "/api/billing/stripe/webhook")
				.permitAll()
				.requestMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(
					server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(ApiSecurityConfig::authentication))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties) {
		return TokenDecoders.forServe(properties);
	}

	private static AbstractAuthenticationToken authentication(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (Caller.isAdmin(jwt)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

}
