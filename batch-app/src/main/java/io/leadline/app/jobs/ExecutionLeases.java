package io.leadline.app.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentRunHook;
import io.leadline.jobs.storage.SqlUpsert;

/**
 * Leases on the job executions this process runs, kept fresh by a heartbeat, so recovery
 * can tell an execution whose JVM died (kill -9, power loss) from one another live
 * process is running.
 */
@Component
public class ExecutionLeases implements EnrichmentRunHook, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ExecutionLeases.class);

	static final Duration HEARTBEAT = Duration.ofSeconds(5);

	/** A lease from another host is stale after this long without a heartbeat. */
	static final Duration STALE_AFTER = Duration.ofSeconds(30);

	private static final String RUNNING = "STATUS IN ('STARTING', 'STARTED', 'STOPPING')";

	private static final String STILL_RUNNING = "EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ? AND "
			+ RUNNING + ")";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String host = ProcessLease.thisHost();

	private final long pid = ProcessHandle.current().pid();

	private final Timestamp processStartedAt = ProcessHandle.current()
		.info()
		.startInstant()
		.map(Timestamp::from)
		.orElse(null);

	/**
	 * The executions this process launched or runs. Every change of one goes through
	 * {@link ConcurrentHashMap#compute}, so the launcher's claim and the job's own start
	 * and end are applied one at a time, in whatever order they come.
	 */
	private final ConcurrentHashMap<Long, Hold> holds = new ConcurrentHashMap<>();

	private final SqlUpsert takeLease;

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "leadline-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ExecutionLeases(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
		this.takeLease = SqlUpsert.of(jdbc, "job_leases", "job_execution_id", "host", "pid", "process_started_at",
				"heartbeat_at");
		heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public Slot slot() {
		return Slot.LEASE;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		holds.compute(execution.getId(), (id, hold) -> {
			take(id);
			return new Hold(hold != null && hold.claimed(), false);
		});
	}

	/**
	 * Holds an execution this process launched from the moment it is queued, before it
	 * begins (a server runs a few jobs at once; the rest wait their turn). The job may
	 * have begun, or even ended, before the launcher gets here: a lease it took stays as
	 * it is, and one it already gave back is not taken again.
	 */
	public JobExecution claim(JobExecution execution) {
		holds.compute(execution.getId(), (id, hold) -> {
			if (hold != null && hold.ended()) {
				return null;
			}
			if (hold == null && !execution.getStatus().isRunning()) {
				return null;
			}
			if (hold == null) {
				take(id);
			}
			return new Hold(true, false);
		});
		return execution;
	}

	@Override
	public void afterJob(JobExecution execution) {
		holds.compute(execution.getId(), (id, hold) -> {
			jdbc.update("DELETE FROM job_leases WHERE job_execution_id = ?", id);
			// why: a launcher that has not claimed yet must find the job ended, not
			// queued
			return hold != null && hold.claimed() ? null : new Hold(false, true);
		});
	}

	/** One statement, so it is the same whether or not the row exists already. */
	private void take(long executionId) {
		jdbc.update(takeLease.sql(), executionId, host, pid, processStartedAt, now());
	}

	public Optional<ExecutionLease> find(long executionId) {
		return jdbc
			.query("SELECT host, pid, process_started_at, heartbeat_at FROM job_leases WHERE job_execution_id = ?",
					(rs, n) -> new ExecutionLease(executionId, rs.getString(1), rs.getLong(2),
							instant(rs.getTimestamp(3)), rs.getTimestamp(4).toInstant()),
					executionId)
			.stream()
			.findFirst();
	}

	/**
	 * True when a live process holds this execution. One without a lease has no owner,
	 * unless it was created moments ago and its launcher is still writing the lease.
	 */
	public boolean isHeld(JobExecution execution) {
		return isHeld(execution, find(execution.getId()));
	}

	/** As {@link #isHeld(JobExecution)}, for the lease as already read. */
	public boolean isHeld(JobExecution execution, Optional<ExecutionLease> lease) {
		Instant now = clock.instant();
		return lease.map(found -> found.isLive(host, now, STALE_AFTER)).orElseGet(() -> isJustCreated(execution, now));
	}

	private static boolean isJustCreated(JobExecution execution, Instant now) {
		LocalDateTime created = execution.getCreateTime();
		return created != null
				&& created.isAfter(LocalDateTime.ofInstant(now, ZoneId.systemDefault()).minus(STALE_AFTER));
	}

	/**
	 * Takes the lease of an execution whose process is gone, so that only one recovering
	 * process marks it failed and restarts it: a compare-and-set on the lease as it was
	 * seen stale (or an insert where there was none), and only while the job repository
	 * still shows the execution running. False when another process got there first.
	 */
	public boolean takeOver(JobExecution execution, Optional<ExecutionLease> seen) {
		long id = execution.getId();
		if (seen.isPresent()) {
			return jdbc.update("UPDATE job_leases SET host = ?, pid = ?, process_started_at = ?, heartbeat_at = ?"
					+ " WHERE job_execution_id = ? AND host = ? AND pid = ? AND heartbeat_at = ? AND " + STILL_RUNNING,
					host, pid, processStartedAt, now(), id, seen.get().host(), seen.get().pid(),
					Timestamp.from(seen.get().heartbeatAt()), id) == 1;
		}
		try {
			return jdbc.update("INSERT INTO job_leases (job_execution_id, host, pid, process_started_at, heartbeat_at)"
					+ " SELECT ?, ?, ?, ?, ? FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ? AND " + RUNNING, id,
					host, pid, processStartedAt, now(), id) == 1;
		}
		catch (DuplicateKeyException takenMeanwhile) {
			return false;
		}
	}

	/**
	 * Drops the lease of an execution this process recovered (it is not running any
	 * more).
	 */
	public void giveUp(long executionId) {
		jdbc.update("DELETE FROM job_leases WHERE job_execution_id = ?", executionId);
	}

	private void beat() {
		try {
			for (Long id : heldIds()) {
				jdbc.update("UPDATE job_leases SET heartbeat_at = ? WHERE job_execution_id = ?", now(), id);
			}
		}
		catch (RuntimeException e) {
			// why: a missed beat is retried in 5 s; only a long outage lets another host
			// take over
			log.warn("heartbeat failed: {}", e.getMessage());
		}
	}

	private List<Long> heldIds() {
		return holds.entrySet().stream().filter(e -> !e.getValue().ended()).map(Map.Entry::getKey).toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	@Override
	public void close() {
		heartbeat.shutdownNow();
	}

	/** Whether the launcher has claimed the execution, and whether the job has ended. */
	private record Hold(boolean claimed, boolean ended) {
	}

}
