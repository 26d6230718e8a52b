package io.leadline.jobs.credits;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadline.jobs.credits.LedgerEntry.Kind;

/**
 * Accounts and their append-only ledger. Every balance change is one conditional update plus one
 * ledger row in one transaction, so the balance always equals the ledger's sum; a job reserves,
 * settles and releases at most once each (a unique key on job and kind), however often it restarts
 * and however many processes race.
 */
public final class CreditLedger {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final long startingCredits;

  public CreditLedger(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, long startingCredits) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.startingCredits = startingCredits;
  }

  /** The account's balance, creating the account on first use with the starting credits. */
  public long balance(String accountId) {
    ensureAccount(accountId, true);
    return jdbc.queryForObject("SELECT balance FROM accounts WHERE id = ?", Long.class, accountId);
  }

  /**
   * Creates an account whose balance may go below zero: usage is still recorded, nothing is refused.
   * For the CLI's {@code local} account unless a limit is configured.
   */
  public void ensureUnenforcedAccount(String accountId) {
    ensureAccount(accountId, false);
  }

  /**
   * Sets credits aside for a job. A no-op when the job already has a reservation (a restart).
   *
   * @throws InsufficientCreditsException when an enforced account holds fewer than {@code rows}
   */
  public void reserve(String accountId, UUID jobId, long rows) {
    ensureAccount(accountId, true);
    if (entry(jobId, Kind.RESERVE).isPresent()) {
      return;
    }
    try {
      tx.executeWithoutResult(status -> {
        int updated = jdbc.update(
            "UPDATE accounts SET balance = balance - ? WHERE id = ? AND (balance >= ? OR enforced = FALSE)", rows,
            accountId, rows);
        if (updated == 0) {
          throw new InsufficientCreditsException(accountId, rows, balance(accountId));
        }
        append(accountId, -rows, Kind.RESERVE, "reserved %,d rows".formatted(rows), jobId);
      });
    } catch (DuplicateKeyException raced) {
      // why: another process reserved this job first; its transaction stands and ours rolled back
    }
  }

  /** After a completed job: charges its {@code ok} rows and returns the rest of the reservation, once. */
  public void settle(UUID jobId, long chargedRows) {
    closeReservation(jobId, Kind.SETTLE, reserved -> reserved - Math.min(chargedRows, reserved),
        "charged %,d ok rows".formatted(chargedRows));
  }

  /** Gives an abandoned or expired job's reservation back, unless it was settled. */
  public void release(UUID jobId, String reason) {
    closeReservation(jobId, Kind.RELEASE, reserved -> reserved, reason);
  }

  public void grant(String accountId, long amount, String reason) {
    if (amount <= 0) {
      throw new IllegalArgumentException("a grant must be positive, got " + amount);
    }
    ensureAccount(accountId, true);
    tx.executeWithoutResult(status -> {
      jdbc.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, accountId);
      append(accountId, amount, Kind.GRANT, reason, null);
    });
  }

  /** Newest first. */
  public List<LedgerEntry> entries(String accountId, int limit) {
    return jdbc.query("SELECT id, account_id, delta, kind, reason, job_id, ts FROM ledger WHERE account_id = ? "
        + "ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
        (rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), Kind.valueOf(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), accountId);
  }

  /** The ledger's sum for an account: always equal to its balance. */
  public long ledgerSum(String accountId) {
    Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE account_id = ?", Long.class,
        accountId);
    return sum == null ? 0 : sum;
  }

  public Optional<LedgerEntry> entry(UUID jobId, Kind kind) {
    return jdbc.query("SELECT id, account_id, delta, kind, reason, job_id, ts FROM ledger WHERE job_id = ? AND kind = ?",
        (rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), Kind.valueOf(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), jobId.toString(), kind.name())
        .stream().findFirst();
  }

  private interface Refund {
    long of(long reserved);
  }

  private void closeReservation(UUID jobId, Kind kind, Refund refund, String reason) {
    Optional<LedgerEntry> reservation = entry(jobId, Kind.RESERVE);
    if (reservation.isEmpty() || entry(jobId, Kind.SETTLE).isPresent() || entry(jobId, Kind.RELEASE).isPresent()) {
      return;
    }
    long back = refund.of(-reservation.get().delta());
    String account = reservation.get().accountId();
    try {
      tx.executeWithoutResult(status -> {
        jdbc.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", back, account);
        append(account, back, kind, reason, jobId);
      });
    } catch (DuplicateKeyException raced) {
      // why: settled or released by another process at the same moment; once is enough
    }
  }

  private void append(String accountId, long delta, Kind kind, String reason, UUID jobId) {
    jdbc.update("INSERT INTO ledger (account_id, delta, kind, reason, job_id, ts) VALUES (?, ?, ?, ?, ?, ?)",
        accountId, delta, kind.name(), reason, jobId == null ? null : jobId.toString(), Timestamp.from(clock.instant()));
  }

  private void ensureAccount(String accountId, boolean enforced) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM accounts WHERE id = ?", Integer.class, accountId) > 0) {
      return;
    }
    try {
      tx.executeWithoutResult(status -> {
        jdbc.update("INSERT INTO accounts (id, balance, enforced, created_at) VALUES (?, ?, ?, ?)", accountId,
            enforced ? startingCredits : 0, enforced, Timestamp.from(clock.instant()));
        if (enforced && startingCredits > 0) {
          append(accountId, startingCredits, Kind.GRANT, "starting credits", null);
        }
      });
    } catch (DuplicateKeyException raced) {
      // why: created by a concurrent first request; one account is what we want
    }
  }
}
