package io.leadline.app.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.ProcessLease;

/**
 * Which process is starting which inbox file ({@code inbox_claims}). A sweep claims a
 * file before it creates the file's job and gives the claim back after; a claim is taken
 * over only from a process that is gone. So two sweeps, in one JVM or several, never
 * start one file twice, and a job instance without a run found while holding the claim is
 * known to be stranded (its creator died), not guessed so after some time.
 */
@Component
class InboxClaims {

	/**
	 * A claim from another host is stale after this long: far longer than copying,
	 * inspecting and starting one list takes.
	 */
	static final Duration STALE_AFTER = Duration.ofMinutes(10);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	InboxClaims(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Claims a file's job for this process.
	 * @return the claim, or empty while a live process holds it
	 */
	Optional<Claim> take(UUID jobId) {
		// why: whole milliseconds, so the time written is the time compared when given
		// back
		ProcessLease self = ProcessLease.thisProcess(clock.instant().truncatedTo(ChronoUnit.MILLIS));
		try {
			jdbc.update(
					"INSERT INTO inbox_claims (job_id, host, pid, process_started_at, claimed_at)"
							+ " VALUES (?, ?, ?, ?, ?)",
					jobId.toString(), self.host(), self.pid(), timestamp(self.processStartedAt()),
					timestamp(self.seenAt()));
			return Optional.of(new Claim(jobId, self));
		}
		catch (DuplicateKeyException held) {
			return holder(jobId).filter(holder -> !holder.isLive(self.host(), self.seenAt(), STALE_AFTER))
				.filter(dead -> takeOver(jobId, dead, self))
				.map(dead -> new Claim(jobId, self));
		}
	}

	/** Gives a claim back, unless another process took it over meanwhile. */
	void giveBack(Claim claim) {
		jdbc.update("DELETE FROM inbox_claims WHERE job_id = ? AND host = ? AND pid = ? AND claimed_at = ?",
				claim.jobId().toString(), claim.holder().host(), claim.holder().pid(),
				timestamp(claim.holder().seenAt()));
	}

	/** Compare-and-set on the claim as it was seen: one of several sweeps wins. */
	private boolean takeOver(UUID jobId, ProcessLease dead, ProcessLease self) {
		return jdbc.update(
				"UPDATE inbox_claims SET host = ?, pid = ?, process_started_at = ?, claimed_at = ?"
						+ " WHERE job_id = ? AND host = ? AND pid = ? AND claimed_at = ?",
				self.host(), self.pid(), timestamp(self.processStartedAt()), timestamp(self.seenAt()), jobId.toString(),
				dead.host(), dead.pid(), timestamp(dead.seenAt())) == 1;
	}

	private Optional<ProcessLease> holder(UUID jobId) {
		return jdbc
			.query("SELECT host, pid, process_started_at, claimed_at FROM inbox_claims WHERE job_id = ?",
					(rs, n) -> new ProcessLease(rs.getString(1), rs.getLong(2), instant(rs.getTimestamp(3)),
							rs.getTimestamp(4).toInstant()),
					jobId.toString())
			.stream()
			.findFirst();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * A file's claim held by this process. While it is held no other sweep is starting
	 * the file, so a job instance of it without a run was left by one that died.
	 */
	record Claim(UUID jobId, ProcessLease holder) {
	}

}
