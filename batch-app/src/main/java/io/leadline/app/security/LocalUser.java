package io.leadline.app.security;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A local web account: signs in with its email and acts as the account {@code accountId},
 * the same id an API token's {@code sub} names.
 */
public record LocalUser(String email, String accountId, boolean admin, String passwordHash,
		LocalDateTime lockedUntil) implements UserDetails {

	public Caller caller() {
		return new Caller(accountId, admin);
	}

	public boolean isLockedAt(LocalDateTime now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !isLockedAt(LocalDateTime.now());
	}

	@Override
	public String toString() {
		// why: never print the hash into a log
		return "LocalUser[" + email + " as " + accountId + (admin ? ", admin" : "") + "]";
	}

}
