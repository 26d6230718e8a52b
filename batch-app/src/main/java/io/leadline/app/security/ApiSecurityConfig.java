package io.leadline.app.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's door: every {@code /api/**} call needs a valid bearer token (rules in
 * {@link TokenDecoders}); health, the OpenAPI document and its UI are open;
 * {@code /api/admin/**} needs the admin role; metrics take the metrics-only credential.
 * Personal API tokens are accepted like JWTs. Stateless, no sessions, no CSRF (no cookies
 * are ever read). Cross-origin calls are allowed from {@code LEADLINE_CORS_ORIGINS} only.
 * Everything else is the web app's ({@code WebSecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ MetricsProperties.class, AccessProperties.class })
class ApiSecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfig.class);

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
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, AccessProperties access) throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		return http
			.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
					"/swagger-ui/**")
			.csrf(csrf -> csrf.disable())
			.cors(cors -> cors.configurationSource(corsOf(access)))
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

	/**
	 * Personal tokens by their prefix, everything else by the JWT rules. With no JWT key
	 * configured at all the server still starts (the web app needs none) and the API
	 * takes personal tokens only.
	 */
	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties, PersonalTokens personal) {
		JwtDecoder jwts;
		if (!properties.hasSecret() && !properties.hasJwks()) {
			log.warn("no LEADLINE_JWT_SECRET or JWKS URL: the API accepts personal API tokens only");
			jwts = token -> {
				throw new BadJwtException("no JWT key is configured: only personal API tokens are accepted");
			};
		}
		else {
			jwts = TokenDecoders.forServe(properties);
		}
		return token -> PersonalTokens.isPersonal(token) ? personal.asJwt(token) : jwts.decode(token);
	}

	/** No origin is allowed unless configured: then bearer calls from those origins. */
	private static CorsConfigurationSource corsOf(AccessProperties access) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!access.corsOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(access.corsOrigins());
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
			cors.setExposedHeaders(List.of("Content-Disposition", "Location"));
			// why: the API reads bearer tokens, never cookies, so credentials stay off
			cors.setAllowCredentials(false);
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/api/**", cors);
		}
		return source;
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
