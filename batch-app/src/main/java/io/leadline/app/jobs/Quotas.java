package io.leadline.app.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.EnrichmentRequest;

/**
 * Per-account limits every way of starting a list passes: jobs queued or running, and
 * uploads kept (count and bytes). Checked before anything is stored or reserved.
 */
@Component
@EnableConfigurationProperties(QuotaProperties.class)
public class Quotas {

	/** How long a caller refused for too many active jobs is told to wait. */
	static final Duration ACTIVE_JOBS_RETRY = Duration.ofMinutes(1);

	private static final long MB = 1024 * 1024;

	private final JdbcClient jdbc;

	private final QuotaProperties properties;

	private final Object[] locks = new Object[64];

	Quotas(DataSource dataSource, QuotaProperties properties) {
		this.jdbc = JdbcClient.create(dataSource);
		this.properties = properties;
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new Object();
		}
	}

	/**
	 * Starts a job of {@code owner} unless the account already has its share queued or
	 * running. Check and start run under the account's lock, so concurrent starts of one
	 * account cannot all pass the check before any of them is counted (within this JVM;
	 * instances sharing a database may overshoot by the starts they race).
	 * @throws QuotaExceededException when the account is at its limit
	 */
	public <T> T startWithin(String owner, Callable<T> start) throws Exception {
		synchronized (locks[Math.floorMod(owner.hashCode(), locks.length)]) {
			checkActiveJobs(owner);
			return start.call();
		}
	}

	/**
	 * @throws QuotaExceededException when the account already has its share of jobs
	 * queued or running
	 */
	public void checkActiveJobs(String owner) {
		long active = jdbc.sql("""
				select count(*) from BATCH_JOB_EXECUTION e
				join BATCH_JOB_INSTANCE i on i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				join BATCH_JOB_EXECUTION_PARAMS p on p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				where i.JOB_NAME = :job and e.STATUS in ('STARTING', 'STARTED', 'STOPPING')
				and p.PARAMETER_NAME = :ownerParameter and p.PARAMETER_VALUE = :owner""")
			.param("job", EnrichmentJobConfig.JOB)
			.param("ownerParameter", EnrichmentRequest.OWNER)
			.param("owner", owner)
			.query(Long.class)
			.single();
		if (active >= properties.activeJobs()) {
			throw new QuotaExceededException(
					"account %s has %d jobs queued or running, the most it may; start this one when one ends"
						.formatted(owner, active),
					Optional.of(ACTIVE_JOBS_RETRY));
		}
	}

	/**
	 * @param incomingBytes the size of the upload about to be kept
	 * @throws QuotaExceededException when the account keeps as many uploads, or as many
	 * bytes, as it may
	 */
	public void checkUploads(String owner, long incomingBytes) {
		Kept kept = jdbc.sql(
				"select count(*), coalesce(sum(size_bytes), 0) from uploads where owner = :owner and created_at > :since")
			.param("owner", owner)
			.param("since", LocalDateTime.now().minus(properties.uploadsWindow()))
			.query((rs, row) -> new Kept(rs.getLong(1), rs.getLong(2)))
			.single();
		if (kept.count() >= properties.uploads()) {
			throw new QuotaExceededException(
					"account %s keeps %d uploads, the most it may; delete jobs or wait for retention".formatted(owner,
							kept.count()),
					Optional.empty());
		}
		if (kept.bytes() + incomingBytes > properties.uploadMb() * MB) {
			throw new QuotaExceededException("account %s keeps %d MB of uploads; %d MB is the most it may"
				.formatted(owner, kept.bytes() / MB, properties.uploadMb()), Optional.empty());
		}
	}

	private record Kept(long count, long bytes) {
	}

}
