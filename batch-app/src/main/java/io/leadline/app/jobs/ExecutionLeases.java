package io.leadline.app.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases on the job executions this process runs, kept fresh by a heartbeat, so recovery can tell
 * an execution whose JVM died (kill -9, power loss) from one another live process is running.
 */
@Component
public class ExecutionLeases implements JobExecutionListener, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ExecutionLeases.class);

	static final Duration HEARTBEAT = Duration.ofSeconds(5);

	/** A lease from another host is stale after this long without a heartbeat. */
	static final Duration STALE_AFTER = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String host = hostName();

	private final long pid = ProcessHandle.current().pid();

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "leadline-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ExecutionLeases(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
		heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void beforeJob(JobExecution execution) {
		long id = execution.getId();
		jdbc.update("DELETE FROM job_leases WHERE job_execution_id = ?", id);
		jdbc.update("INSERT INTO job_leases (job_execution_id, host, pid, heartbeat_at) VALUES (?, ?, ?, ?)", id, host,
				pid, now());
		held.add(id);
	}

	@Override
	public void afterJob(JobExecution execution) {
		held.remove(execution.getId());
		jdbc.update("DELETE FROM job_leases WHERE job_execution_id = ?", execution.getId());
	}

	public Optional<ExecutionLease> find(long executionId) {
		return jdbc.query("SELECT host, pid, heartbeat_at FROM job_leases WHERE job_execution_id = ?",
				(rs, n) -> new ExecutionLease(executionId, rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
				executionId).stream().findFirst();
	}

	/** True when a live process holds this execution; an execution without a lease has no owner. */
	public boolean isRunningElsewhereOrHere(long executionId) {
		return find(executionId).map(lease -> lease.isLive(host, clock.instant(), STALE_AFTER)).orElse(false);
	}

	private void beat() {
		try {
			for (Long id : held) {
				jdbc.update("UPDATE job_leases SET heartbeat_at = ? WHERE job_execution_id = ?", now(), id);
			}
		}
		catch (RuntimeException e) {
			// why: a missed beat is retried in 5 s; only a long outage lets another host take over
			log.warn("heartbeat failed: {}", e.getMessage());
		}
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	@Override
	public void close() {
		heartbeat.shutdownNow();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "unknown-host";
		}
	}
}
