package io.leadline.app.security;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the account (the token's {@code sub}) and whether it is an admin, by a
 * {@code role: admin} claim at the top level or in {@code app_metadata} (Supabase's place
 * for it).
 */
public record Caller(String accountId, boolean admin) {

	/**
	 * The same rule {@code WorkArea} applies to owners, so an account id is always a safe
	 * key part.
	 */
	static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}");

	static final String ADMIN = "admin";

	/**
	 * Accounts no token may name: {@code local} is the CLI's, with no credit floor and
	 * every CLI job's results.
	 */
	private static final java.util.Set<String> RESERVED = java.util.Set.of("local");

	public static Caller of(Jwt jwt) {
		return new Caller(jwt.getSubject(), isAdmin(jwt));
	}

	/** Admins see every owner's jobs and files; others only their own. */
	public boolean mayAccess(String owner) {
		return admin || accountId.equals(owner);
	}

	static boolean isAdmin(Jwt jwt) {
		if (ADMIN.equals(jwt.getClaimAsString("role"))) {
			return true;
		}
		Map<String, Object> appMetadata = jwt.getClaimAsMap("app_metadata");
		return appMetadata != null && ADMIN.equals(appMetadata.get("role"));
	}

	/**
	 * @throws IllegalArgumentException when {@code id} cannot be an account id
	 */
	public static String requireAccountId(String id) {
		if (isReserved(id)) {
			throw new IllegalArgumentException("'" + id + "' is a reserved account; only the CLI books to it");
		}
		if (!isAccountId(id)) {
			throw new IllegalArgumentException(
					"'" + id + "' is not an account id: letters, digits and _ . @ -, at most 128");
		}
		return id;
	}

	/** True for ids only the operator's CLI uses (case-insensitive). */
	public static boolean isReserved(String id) {
		return id != null && RESERVED.contains(id.toLowerCase(java.util.Locale.ROOT));
	}

	static boolean isAccountId(String subject) {
		return subject != null && ACCOUNT_ID.matcher(subject).matches() && !subject.contains("..");
	}
}
