package io.leadline.app.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.leadline.jobs.credits.CreditLedger;

/**
 * Local web accounts (email + password) in {@code web_users}. Passwords are kept as
 * BCrypt hashes (through Spring's delegating encoder, so the algorithm can change later);
 * failed sign-ins in a row make the next attempt wait, then lock the account for a while.
 */
@Component
@EnableConfigurationProperties(AccessProperties.class)
public class LocalUsers implements UserDetailsService {

	static final int MIN_PASSWORD_LENGTH = 10;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern NOT_IN_ACCOUNT_ID = Pattern.compile("[^A-Za-z0-9_.@-]");

	private final JdbcClient jdbc;

	private final CreditLedger ledger;

	private final AccessProperties access;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	LocalUsers(DataSource dataSource, CreditLedger ledger, AccessProperties access) {
		this.jdbc = JdbcClient.create(dataSource);
		this.ledger = ledger;
		this.access = access;
	}

	public PasswordEncoder encoder() {
		return encoder;
	}

	/**
	 * Creates a user and its account (with the starting credits).
	 * @throws IllegalArgumentException naming what is wrong: not an email, a short
	 * password, or an email already registered
	 */
	@Transactional
	public LocalUser create(String email, String password, boolean admin) {
		String normalized = normalize(email);
		if (!EMAIL.matcher(normalized).matches() || normalized.length() > 254) {
			throw new IllegalArgumentException("'" + email + "' is not an email address");
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException(
					"the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		String accountId = accountIdFor(normalized);
		try {
			jdbc.sql(
					"insert into web_users (email, account_id, password_hash, admin) values (:email, :account, :hash, :admin)")
				.param("email", normalized)
				.param("account", accountId)
				.param("hash", encoder.encode(password))
				.param("admin", admin)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("an account for " + normalized + " already exists");
		}
		ledger.account(accountId);
		return find(normalized).orElseThrow();
	}

	public Optional<LocalUser> find(String email) {
		return jdbc.sql("select * from web_users where email = :email")
			.param("email", normalize(email))
			.query(LocalUsers::user)
			.optional();
	}

	public List<LocalUser> all() {
		return jdbc.sql("select * from web_users order by created_at, email").query(LocalUsers::user).list();
	}

	@Override
	public LocalUser loadUserByUsername(String email) {
		return find(email).orElseThrow(() -> new UsernameNotFoundException("no user " + email));
	}

	/**
	 * Counts a failed sign-in and returns until when the account now waits (slowed or
	 * locked), if it does.
	 */
	@Transactional
	public Optional<LocalDateTime> recordFailure(String email, LocalDateTime now) {
		Optional<LocalUser> user = find(email);
		if (user.isEmpty()) {
			return Optional.empty();
		}
		int failures = jdbc.sql("select failed_sign_ins from web_users where email = :email")
			.param("email", user.get().email())
			.query(Integer.class)
			.single() + 1;
		LocalDateTime until = waitAfter(failures, now);
		jdbc.sql("update web_users set failed_sign_ins = :failures, locked_until = :until where email = :email")
			.param("failures", failures >= access.lockAfter() ? 0 : failures)
			.param("until", until == null ? null : Timestamp.valueOf(until))
			.param("email", user.get().email())
			.update();
		return Optional.ofNullable(until);
	}

	public void recordSuccess(String email) {
		jdbc.sql("update web_users set failed_sign_ins = 0, locked_until = null where email = :email")
			.param("email", normalize(email))
			.update();
	}

	/**
	 * Slowed after {@code slowAfter} failures (the wait doubling), locked after
	 * {@code lockAfter}.
	 */
	private LocalDateTime waitAfter(int failures, LocalDateTime now) {
		if (failures >= access.lockAfter()) {
			return now.plus(access.lockFor());
		}
		if (failures >= access.slowAfter()) {
			return now.plus(access.slowBy().multipliedBy(1L << Math.min(10, failures - access.slowAfter())));
		}
		return null;
	}

	static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	// why: the account id is the email where it can be (readable in the ledger and API),
	// with characters an object key must not hold replaced
	private static String accountIdFor(String email) {
		String id = NOT_IN_ACCOUNT_ID.matcher(email).replaceAll("-").replace("..", ".-");
		return Caller.requireAccountId(id.length() > 128 ? id.substring(0, 128) : id);
	}

	private static LocalUser user(ResultSet rs, int row) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new LocalUser(rs.getString("email"), rs.getString("account_id"), rs.getBoolean("admin"),
				rs.getString("password_hash"), locked == null ? null : locked.toLocalDateTime());
	}

}
