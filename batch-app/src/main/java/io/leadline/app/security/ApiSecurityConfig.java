package io.leadline.app.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's door: every {@code /api/**} call needs a valid HS256 bearer token or a
 * personal API token; health, the OpenAPI document and its UI are open;
 * {@code /api/admin/**} needs the admin role. Stateless, no sessions, no CSRF (no cookies
 * are ever read). Cross-origin calls are allowed from {@code LEADLINE_CORS_ORIGINS} only.
 * Everything else is the web app's ({@code WebSecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ JwtProperties.class, AccessProperties.class })
class ApiSecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfig.class);

	@Bean
	@Order(1)
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
				// why: metrics show business volume; Prometheus scrapes with an admin
				// token
				.requestMatchers("/api/admin/**", "/actuator/prometheus")
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
	 * Personal tokens by their prefix, everything else as a JWT. Without
	 * {@code LEADLINE_JWT_SECRET} the server still starts (the web app needs none) and
	 * the API takes personal tokens only.
	 */
	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties, PersonalTokens personal) {
		JwtDecoder jwts;
		if (properties.secret() == null || properties.secret().isBlank()) {
			log.warn("LEADLINE_JWT_SECRET is not set: the API accepts personal API tokens only");
			jwts = token -> {
				throw new BadJwtException("LEADLINE_JWT_SECRET is not set: only personal API tokens are accepted");
			};
		}
		else {
			jwts = signedTokens(properties);
		}
		return token -> PersonalTokens.isPersonal(token) ? personal.asJwt(token) : jwts.decode(token);
	}

	private static JwtDecoder signedTokens(JwtProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(properties.key())
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefault());
		if (properties.checksIssuer()) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		if (properties.checksAudience()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					audience -> audience != null && audience.contains(properties.audience())));
		}
		validators.add(ApiSecurityConfig::subjectIsAccountId);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
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

	// why: the subject becomes part of object keys (inputs/{owner}/...), so only safe ids
	// get in
	private static OAuth2TokenValidatorResult subjectIsAccountId(Jwt jwt) {
		if (Caller.isAccountId(jwt.getSubject())) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
				"sub must be an account id (letters, digits and _ . @ -, at most 128)", null));
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
