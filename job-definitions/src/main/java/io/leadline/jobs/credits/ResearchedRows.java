package io.leadline.jobs.credits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.leadline.jobs.research.ServiceContext;

/**
 * Which rows an account had researched, and in which job: a row is known by its email and
 * the service context its opener was written for. A row researched again from the cache
 * alone is free when the account paid for it before, that is when the job that researched
 * it was settled (a run abandoned unpaid does not count).
 */
public class ResearchedRows {

	private final JdbcClient jdbc;

	ResearchedRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True when a settled job of this account researched this row before. */
	public boolean paidBefore(String accountId, String email, ServiceContext service) {
		return jdbc.sql("""
				select count(*) from researched_rows r
				where r.account_id = :a and r.fingerprint = :f
				and exists (select 1 from ledger l where l.job_id = r.job_id and l.kind = 'SETTLE')""")
			.param("a", accountId)
			.param("f", fingerprint(email, service))
			.query(Long.class)
			.single() > 0;
	}

	/** Notes that {@code jobId} researched this row for the account; once per job. */
	public void record(String accountId, String email, ServiceContext service, UUID jobId) {
		String fingerprint = fingerprint(email, service);
		try {
			jdbc.sql("""
					insert into researched_rows (account_id, fingerprint, job_id)
					select :a, :f, :j from (values (1)) as one (x)
					where not exists (select 1 from researched_rows
					  where account_id = :a and fingerprint = :f and job_id = :j)""")
				.param("a", accountId)
				.param("f", fingerprint)
				.param("j", jobId.toString())
				.update();
		}
		catch (DuplicateKeyException recordedConcurrently) {
			// why: a retried chunk researched the same row again; one note is enough
		}
	}

	static String fingerprint(String email, ServiceContext service) {
		String row = email.strip().toLowerCase(Locale.ROOT) + "\n" + service.toJson();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}

}
