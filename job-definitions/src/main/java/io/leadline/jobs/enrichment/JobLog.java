package io.leadline.jobs.enrichment;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-job log in {@code job_logs}: what a person watching one job wants to read, as
 * it happens. Writing it never fails a job.
 */
public final class JobLog {

	/** How a run or step ended by {@code stop} is described to its owner. */
	public static final String STOPPED_BY_REQUEST = "stopped by request";

	private static final Logger log = LoggerFactory.getLogger(JobLog.class);

	private static final int MAX_MESSAGE = 1000;

	/** One line, oldest first when listed. */
	public record Line(LocalDateTime at, String message) {
	}

	private final JdbcTemplate jdbc;

	public JobLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void append(UUID jobId, String message) {
		String line = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
		try {
			jdbc.update("INSERT INTO job_logs (job_id, ts, message) VALUES (?, ?, ?)", jobId.toString(),
					Timestamp.valueOf(LocalDateTime.now()), line);
		}
		catch (RuntimeException e) {
			// why: a log line is not worth a failed chunk; the application log still has
			// it
			log.warn("job {}: cannot write job log line '{}': {}", jobId, line, e.getMessage());
		}
		log.info("job {}: {}", jobId, line);
	}

	public List<Line> lines(UUID jobId) {
		return jdbc.query("SELECT ts, message FROM job_logs WHERE job_id = ? ORDER BY id",
				(rs, n) -> new Line(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2)), jobId.toString());
	}

}
