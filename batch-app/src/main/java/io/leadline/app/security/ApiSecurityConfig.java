package io.leadline.app.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's door: every {@code /api/**} call needs a valid HS256 bearer token; health,
 * the OpenAPI document and its UI are open; {@code /api/admin/**} needs the admin role.
 * Stateless, no sessions, no CSRF (no cookies are ever read).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfig {

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
				// is
				// checked by the billing webhook itself
				.requestMatchers(HttpMethod.POST, "/api/billing/stripe/webhook")
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

	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties) {
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
