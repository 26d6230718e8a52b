package io.leadline.jobs.credits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadline.jobs.research.ServiceContext;

/**
 * Accounts and their append-only ledger. Every change of a balance writes the ledger row
 * in the same transaction, so the balance always equals the sum of the account's ledger.
 * Job rows (reserve, settle, release) are unique per job, which makes each of them
 * idempotent:
 *
 * <pre>{@code
 * ledger.reserve("alice", jobId, 500);   // -500, or InsufficientCreditsException
 * ledger.reserve("alice", jobId, 500);   // no-op: already reserved
 * ledger.settle(jobId, 420);             // +80: only the 420 ok rows are charged
 * }</pre>
 */
public class CreditLedger {

	/** The account CLI runs book to. */
	public static final String LOCAL_ACCOUNT = "local";

	private static final Logger log = LoggerFactory.getLogger(CreditLedger.class);

	private static final String ENTRY_COLUMNS = "id, account_id, delta, kind, reason, job_id, ts, reference, amount_paid, currency";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final CreditsProperties properties;

	private final long startingCredits;

	CreditLedger(JdbcClient jdbc, TransactionTemplate tx, CreditsProperties properties, long startingCredits) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.properties = properties;
		this.startingCredits = startingCredits;
	}

	/** The account, created with the starting credits on first use. */
	public Account account(String accountId) {
		return account(accountId, null);
	}

	/**
	 * The account, created on first use with the starting credits, which an email gets
	 * once whatever accounts it signs in to; a known email is recorded on an account
	 * without one.
	 * @param email from the token or the web sign-in; null when unknown
	 */
	public Account account(String accountId, String email) {
		String normalized = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
		Optional<Account> found = find(accountId);
		if (found.isPresent()) {
			if (normalized != null && found.get().email() == null) {
				jdbc.sql("update accounts set email = :email where id = :id and email is null")
					.param("email", normalized)
					.param("id", accountId)
					.update();
				return find(accountId).orElseThrow();
			}
			return found.get();
		}
		create(accountId, normalized);
		return find(accountId).orElseThrow();
	}

	public Optional<Account> find(String accountId) {
		return jdbc.sql("select id, balance, created_at, default_service, email from accounts where id = :id")
			.param("id", accountId)
			.query(CreditLedger::account)
			.optional();
	}

	/**
	 * Holds a job's rows: {@code credits} at first, and on a restart after a failure gave
	 * credits back, what is missing to hold them again (the rows still to do). One
	 * conditional update plus its ledger row; a no-op while the job's reservation is open
	 * or once it was settled or released.
	 * @return true when credits were reserved now
	 * @throws InsufficientCreditsException when the account cannot cover it (nothing
	 * changes)
	 */
	public boolean reserve(String accountId, UUID jobId, long credits) {
		if (credits < 0) {
			throw new IllegalArgumentException("cannot reserve " + credits + " credits for job " + jobId);
		}
		account(accountId);
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				lock(accountId);
				Optional<JobBook> book = book(jobId);
				if (book.isPresent() && (book.get().closed() || book.get().roundOpen())) {
					return false;
				}
				long held = book.map(JobBook::held).orElse(0L);
				long needed = Math.max(0, credits - held);
				if (!withdraw(accountId, needed)) {
					throw new InsufficientCreditsException(accountId, needed, account(accountId).balance());
				}
				String reason = book.isEmpty() ? "reserved %,d rows".formatted(credits)
						: "restart: reserved %,d rows still to do".formatted(needed);
				append(accountId, -needed, LedgerKind.RESERVE, reason, jobId, book.map(JobBook::round).orElse(0) + 1);
				return true;
			}));
		}
		catch (DuplicateKeyException raced) {
			// why: a concurrent reserve of the same job won; ours rolled back whole
			return false;
		}
		catch (DataIntegrityViolationException overdraft) {
			// why: the balance check constraint is the last guard if a database re-checks
			// late
			throw new InsufficientCreditsException(accountId, credits, account(accountId).balance());
		}
	}

	/** The credits a job holds now, if it was ever reserved. */
	public Optional<Long> reserved(UUID jobId) {
		return book(jobId).map(JobBook::held);
	}

	/** True when the job was reserved and is neither settled nor released. */
	public boolean isHeld(UUID jobId) {
		return book(jobId).filter(book -> !book.closed()).isPresent();
	}

	/**
	 * True once the job was settled or released: it can never run (or be charged) again.
	 */
	public boolean isClosed(UUID jobId) {
		return book(jobId).filter(JobBook::closed).isPresent();
	}

	/**
	 * True once the job's ok rows were charged: its result is paid for and may be served.
	 */
	public boolean isSettled(UUID jobId) {
		return jobEntries(jobId).stream().anyMatch(entry -> entry.kind() == LedgerKind.SETTLE);
	}

	/**
	 * After a failed run: gives back at once what the job holds beyond its
	 * {@code doneRows} (those stay held, their results are kept for the restart); a
	 * restart reserves the rest again. Once per run; does nothing when the job holds no
	 * open reservation.
	 */
	public void returnUnused(UUID jobId, long doneRows, String reason) {
		onOpenJob(jobId, book -> {
			if (!book.roundOpen()) {
				return;
			}
			long kept = Math.min(Math.max(doneRows, 0), book.held());
			deposit(book.accountId(), book.held() - kept);
			append(book.accountId(), book.held() - kept, LedgerKind.RETURN,
					"%s: %,d credits back at once, %,d done rows stay held".formatted(reason, book.held() - kept, kept),
					jobId, book.round());
		});
	}

	/**
	 * Charges {@code chargedRows} of a completed job and gives back the rest of what it
	 * holds, once. Does nothing when the job was never reserved, or was already settled
	 * or released.
	 */
	public void settle(UUID jobId, long chargedRows) {
		settle(jobId, chargedRows, 0);
	}

	/**
	 * As {@link #settle(UUID, long)}, naming the {@code reusedRows} that were not charged
	 * because the account had paid for their research before.
	 */
	public void settle(UUID jobId, long chargedRows, long reusedRows) {
		onOpenJob(jobId, book -> {
			long charged = Math.min(chargedRows, book.held());
			if (chargedRows > book.held()) {
				log.warn("job {} has {} charged rows but holds only {}; charging what it holds", jobId, chargedRows,
						book.held());
			}
			String reused = reusedRows > 0
					? "; %,d rows reused from this account's earlier results, not charged".formatted(reusedRows) : "";
			deposit(book.accountId(), book.held() - charged);
			append(book.accountId(), book.held() - charged, LedgerKind.SETTLE,
					"charged %,d ok rows of %,d reserved%s".formatted(charged, book.held(), reused), jobId,
					book.round());
		});
	}

	/** Gives back all a job holds, for good, once; does nothing when it is closed. */
	public void release(UUID jobId, String reason) {
		onOpenJob(jobId, book -> {
			deposit(book.accountId(), book.held());
			append(book.accountId(), book.held(), LedgerKind.RELEASE, reason, jobId, book.round());
		});
	}

	/** Adds credits to an account (created on first use). */
	public Account grant(String accountId, long amount, String reason) {
		if (amount < 1) {
			throw new IllegalArgumentException("a grant must be at least 1 credit, was " + amount);
		}
		account(accountId);
		tx.executeWithoutResult(status -> {
			deposit(accountId, amount);
			append(accountId, amount, LedgerKind.GRANT, reason, null, 1);
		});
		return account(accountId);
	}

	/**
	 * Books a purchase once per {@code reference} (the Stripe invoice or Checkout Session
	 * id): the ledger's unique reference makes a second credit for the same object
	 * impossible. Joins the caller's transaction when there is one.
	 * @return true when credited now, false when the reference was already booked
	 */
	public boolean purchase(String accountId, long credits, String reason, String reference, Payment paid) {
		if (credits < 1) {
			throw new IllegalArgumentException("a purchase must add at least 1 credit, was " + credits);
		}
		if (reference == null || reference.isBlank()) {
			throw new IllegalArgumentException("a purchase needs the reference of what was paid");
		}
		return Boolean.TRUE.equals(tx.execute(status -> {
			// why: the account row lock orders concurrent purchases of the same account,
			// so
			// the check below sees a committed booking of the same reference
			lock(accountId);
			if (isBooked(reference)) {
				return false;
			}
			deposit(accountId, credits);
			jdbc.sql("""
					insert into ledger (account_id, delta, kind, reason, ts, reference, amount_paid, currency)
					values (:a, :d, :k, :r, :ts, :ref, :paid, :currency)""")
				.param("a", accountId)
				.param("d", credits)
				.param("k", LedgerKind.PURCHASE.name())
				.param("r", shortened(reason))
				.param("ts", LocalDateTime.now())
				.param("ref", reference)
				.param("paid", paid == null ? null : paid.amount())
				.param("currency", paid == null ? null : paid.currency())
				.update();
			return true;
		}));
	}

	/** True when a ledger row already carries this reference. */
	public boolean isBooked(String reference) {
		return jdbc.sql("select count(*) from ledger where reference = :ref")
			.param("ref", reference)
			.query(Long.class)
			.single() > 0;
	}

	/** Newest first. */
	public List<LedgerEntry> entries(String accountId, int offset, int limit) {
		return jdbc.sql("""
				select %s from ledger where account_id = :id
				order by id desc limit :limit offset :offset""".formatted(ENTRY_COLUMNS))
			.param("id", accountId)
			.param("limit", limit)
			.param("offset", offset)
			.query(CreditLedger::entry)
			.list();
	}

	/**
	 * The ledger rows of several jobs in one query, oldest first; jobs without rows are
	 * absent.
	 */
	public Map<UUID, List<LedgerEntry>> jobEntries(Collection<UUID> jobIds) {
		if (jobIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select " + ENTRY_COLUMNS + " from ledger where job_id in (:jobs) order by id")
			.param("jobs", jobIds.stream().map(UUID::toString).toList())
			.query(CreditLedger::entry)
			.list()
			.stream()
			.collect(Collectors.groupingBy(LedgerEntry::jobId, LinkedHashMap::new, Collectors.toList()));
	}

	public List<LedgerEntry> jobEntries(UUID jobId) {
		return jdbc.sql("select " + ENTRY_COLUMNS + " from ledger where job_id = :job order by id")
			.param("job", jobId.toString())
			.query(CreditLedger::entry)
			.list();
	}

	/** The sum of an account's ledger; equals its balance. */
	public long ledgerSum(String accountId) {
		return jdbc.sql("select coalesce(sum(delta), 0) from ledger where account_id = :id")
			.param("id", accountId)
			.query(Long.class)
			.single();
	}

	public void saveDefaultService(String accountId, ServiceContext service) {
		account(accountId);
		jdbc.sql("update accounts set default_service = :service where id = :id")
			.param("service", service.toJson())
			.param("id", accountId)
			.update();
	}

	// --- the parts

	private void create(String accountId, String email) {
		boolean starts = startingCredits > 0 && !LOCAL_ACCOUNT.equals(accountId);
		try {
			tx.executeWithoutResult(status -> {
				jdbc.sql("insert into accounts (id, balance, email) values (:id, 0, :email)")
					.param("id", accountId)
					.param("email", email)
					.update();
				// why: without an email the grant cannot collide with another account's,
				// so
				// it commits with the account: a concurrent first use never sees it at 0
				if (starts && email == null) {
					bookStartingCredits(accountId, "starting-credits:account:" + accountId);
				}
			});
		}
		catch (DuplicateKeyException createdConcurrently) {
			log.debug("account {} was created by a concurrent first use", accountId);
			return;
		}
		if (starts && email != null) {
			grantStartingCredits(accountId, email);
		}
	}

	/**
	 * Once per email: the grant's reference is unique in the ledger, so a second account
	 * of the same email starts at zero.
	 */
	private void grantStartingCredits(String accountId, String email) {
		String reference = "starting-credits:email-sha256:" + sha256(email);
		try {
			tx.executeWithoutResult(status -> bookStartingCredits(accountId, reference));
		}
		catch (DuplicateKeyException grantedConcurrently) {
			log.info("account {}: its email got its starting credits on a concurrent first use", accountId);
		}
	}

	private void bookStartingCredits(String accountId, String reference) {
		if (isBooked(reference)) {
			log.info("account {}: its email had its starting credits on another account", accountId);
			return;
		}
		deposit(accountId, startingCredits);
		jdbc.sql(
				"insert into ledger (account_id, delta, kind, reason, ts, reference) values (:a, :d, :k, :r, :ts, :ref)")
			.param("a", accountId)
			.param("d", startingCredits)
			.param("k", LedgerKind.GRANT.name())
			.param("r", "starting credits (free plan)")
			.param("ts", LocalDateTime.now())
			.param("ref", reference)
			.update();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}

	/**
	 * The conditional update that makes overdraft impossible: no row changes when short.
	 */
	private boolean withdraw(String accountId, long credits) {
		Long floor = floorOf(accountId);
		if (floor == null) {
			return jdbc.sql("update accounts set balance = balance - :n where id = :id")
				.param("n", credits)
				.param("id", accountId)
				.update() == 1;
		}
		return jdbc.sql("update accounts set balance = balance - :n where id = :id and balance - :n >= :floor")
			.param("n", credits)
			.param("id", accountId)
			.param("floor", floor)
			.update() == 1;
	}

	/**
	 * The lowest balance an account may reach, or null for no limit (the CLI's, unless
	 * configured).
	 */
	private Long floorOf(String accountId) {
		if (!LOCAL_ACCOUNT.equals(accountId)) {
			return 0L;
		}
		return properties.localLimit() == null ? null : -properties.localLimit();
	}

	private void deposit(String accountId, long credits) {
		jdbc.sql("update accounts set balance = balance + :n where id = :id")
			.param("n", credits)
			.param("id", accountId)
			.update();
	}

	private void append(String accountId, long delta, LedgerKind kind, String reason, UUID jobId, int round) {
		boolean closing = kind == LedgerKind.SETTLE || kind == LedgerKind.RELEASE;
		jdbc.sql("insert into ledger (account_id, delta, kind, reason, job_id, closes_job, ts, job_round)"
				+ " values (:a, :d, :k, :r, :j, :closes, :ts, :round)")
			.param("round", round)
			.param("a", accountId)
			.param("d", delta)
			.param("k", kind.name())
			.param("r", shortened(reason))
			.param("j", jobId == null ? null : jobId.toString())
			.param("closes", closing ? jobId.toString() : null)
			.param("ts", LocalDateTime.now())
			.update();
	}

	/**
	 * A job's rows summed up.
	 *
	 * @param round the newest round: each reservation (the first, and one per restart
	 * after a failure) opens one
	 * @param roundOpen true while the newest round was not given back by a failure
	 * @param held credits the job holds now
	 * @param closed settled or released: for good
	 */
	private record JobBook(String accountId, int round, boolean roundOpen, long held, boolean closed) {
	}

	private Optional<JobBook> book(UUID jobId) {
		List<Map<String, Object>> rows = jdbc
			.sql("select account_id, kind, delta, job_round from ledger where job_id = :job order by id")
			.param("job", jobId.toString())
			.query()
			.listOfRows();
		String account = null;
		int round = 0;
		boolean returned = false;
		long held = 0;
		boolean closed = false;
		for (Map<String, Object> row : rows) {
			LedgerKind kind = LedgerKind.valueOf(String.valueOf(row.get("kind")));
			long delta = ((Number) row.get("delta")).longValue();
			int rowRound = ((Number) row.get("job_round")).intValue();
			switch (kind) {
				case RESERVE -> {
					account = String.valueOf(row.get("account_id"));
					held -= delta;
					if (rowRound > round) {
						round = rowRound;
						returned = false;
					}
				}
				case RETURN -> {
					held -= delta;
					returned |= rowRound == round;
				}
				case SETTLE, RELEASE -> closed = true;
				default -> {
				}
			}
		}
		if (account == null) {
			return Optional.empty();
		}
		return Optional.of(new JobBook(account, round, !returned, held, closed));
	}

	/**
	 * Runs {@code change} on the job's book under its account's row lock, unless the job
	 * was never reserved or is closed.
	 */
	private void onOpenJob(UUID jobId, Consumer<JobBook> change) {
		Optional<JobBook> before = book(jobId);
		if (before.isEmpty()) {
			return;
		}
		try {
			tx.executeWithoutResult(status -> {
				// why: the account row lock serializes reserve, return, settle and
				// release
				// of the same job
				lock(before.get().accountId());
				book(jobId).filter(book -> !book.closed()).ifPresent(change);
			});
		}
		catch (DuplicateKeyException alreadyDone) {
			// why: the database refuses a second closing row, whatever a racing writer
			// read
			log.debug("job {} was settled, released or given back concurrently", jobId);
		}
	}

	private void lock(String accountId) {
		jdbc.sql("select balance from accounts where id = :id for update")
			.param("id", accountId)
			.query(Long.class)
			.single();
	}

	private static String shortened(String reason) {
		return reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		String service = rs.getString("default_service");
		return new Account(rs.getString("id"), rs.getLong("balance"), rs.getTimestamp("created_at").toLocalDateTime(),
				service == null ? null : ServiceContext.fromJson(service), rs.getString("email"));
	}

	private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
		String job = rs.getString("job_id");
		long paid = rs.getLong("amount_paid");
		Payment payment = rs.wasNull() ? null : new Payment(paid, rs.getString("currency"));
		return new LedgerEntry(rs.getLong("id"), rs.getString("account_id"), rs.getLong("delta"),
				LedgerKind.valueOf(rs.getString("kind")), rs.getString("reason"),
				job == null ? null : UUID.fromString(job), rs.getTimestamp("ts").toLocalDateTime(),
				rs.getString("reference"), payment);
	}

}
