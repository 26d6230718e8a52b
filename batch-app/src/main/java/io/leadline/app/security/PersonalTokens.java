package io.leadline.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens: a user creates, names and revokes them on the account page; the
 * token is shown once and only its SHA-256 is stored. The API accepts one wherever it
 * accepts a JWT, acting as the token's account (with the admin role when its user has
 * it).
 */
@Component
public class PersonalTokens {

	/** Marks a personal token, so it is never mistaken for a JWT (which has dots). */
	static final String PREFIX = "llp_";

	static final int MAX_NAME_LENGTH = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	PersonalTokens(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** A token as its owner sees it listed (never the token itself). */
	public record TokenInfo(UUID id, String name, LocalDateTime createdAt, LocalDateTime lastUsedAt,
			LocalDateTime revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}
	}

	/** A new token: {@code token} is shown once and cannot be read again. */
	public record Created(TokenInfo info, String token) {
	}

	public Created create(String accountId, String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("a token needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into api_tokens (id, account_id, name, token_hash) values (:id, :account, :name, :hash)")
			.param("id", id.toString())
			.param("account", Caller.requireAccountId(accountId))
			.param("name", trimmed)
			.param("hash", hash(token))
			.update();
		return new Created(find(id).orElseThrow(), token);
	}

	public List<TokenInfo> list(String accountId) {
		return jdbc.sql("select * from api_tokens where account_id = :account order by created_at desc")
			.param("account", accountId)
			.query(PersonalTokens::info)
			.list();
	}

	/**
	 * @return false when the account has no such active token
	 */
	public boolean revoke(String accountId, UUID id) {
		return jdbc.sql(
				"update api_tokens set revoked_at = :now where id = :id and account_id = :account and revoked_at is null")
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.param("id", id.toString())
			.param("account", accountId)
			.update() == 1;
	}

	static boolean isPersonal(String token) {
		return token != null && token.startsWith(PREFIX);
	}

	/**
	 * The token as the JWT the API's handlers expect: its account as {@code sub}, the
	 * admin role when the account's user has it.
	 * @throws BadJwtException when the token is unknown or revoked
	 */
	Jwt asJwt(String token) {
		record Holder(String id, String accountId, boolean admin) {
		}
		Holder holder = jdbc.sql("""
				select t.id, t.account_id, coalesce(u.admin, false) as admin
				from api_tokens t left join web_users u on u.account_id = t.account_id
				where t.token_hash = :hash and t.revoked_at is null""")
			.param("hash", hash(token))
			.query((rs, row) -> new Holder(rs.getString("id"), rs.getString("account_id"), rs.getBoolean("admin")))
			.optional()
			.orElseThrow(() -> new BadJwtException("unknown or revoked personal token"));
		jdbc.sql("update api_tokens set last_used_at = :now where id = :id")
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.param("id", holder.id())
			.update();
		Instant now = Instant.now();
		Jwt.Builder jwt = Jwt.withTokenValue(token)
			.header("typ", "personal")
			.subject(holder.accountId())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.claim("token_id", holder.id());
		if (holder.admin()) {
			jwt.claim("role", Caller.ADMIN);
		}
		return jwt.build();
	}

	private Optional<TokenInfo> find(UUID id) {
		return jdbc.sql("select * from api_tokens where id = :id")
			.param("id", id.toString())
			.query(PersonalTokens::info)
			.optional();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	private static TokenInfo info(ResultSet rs, int row) throws SQLException {
		return new TokenInfo(UUID.fromString(rs.getString("id")), rs.getString("name"), time(rs, "created_at"),
				time(rs, "last_used_at"), time(rs, "revoked_at"));
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toLocalDateTime();
	}

}
