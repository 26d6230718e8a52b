package io.leadline.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Checks the metrics-only credential (HTTP Basic) in constant time. */
final class MetricsScraper implements AuthenticationProvider {

	static final String ROLE = "METRICS";

	private final MetricsProperties properties;

	MetricsScraper(MetricsProperties properties) {
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String password = String.valueOf(authentication.getCredentials());
		boolean matches = properties.isSet() && MetricsProperties.USER.equals(authentication.getName()) && MessageDigest
			.isEqual(password.getBytes(StandardCharsets.UTF_8), properties.password().getBytes(StandardCharsets.UTF_8));
		if (!matches) {
			throw new BadCredentialsException("wrong metrics credential");
		}
		return UsernamePasswordAuthenticationToken.authenticated(MetricsProperties.USER, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
