package io.leadline.app.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.JobProgress;
import io.leadline.jobs.enrichment.RunContext;

/**
 * A page of jobs read straight from Batch's tables in three queries, whatever the page
 * size: the latest executions with their job contexts, their parameters, and the
 * partitions' progress. Filters (owner, state) run in the database, before the limit.
 */
public final class JobPages {

	// why: the latest execution speaks for its job; a restart copies parameters and
	// context
	private static final String LATEST = """
			from BATCH_JOB_EXECUTION e
			join BATCH_JOB_INSTANCE i on i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
			where i.JOB_NAME = :job
			and e.JOB_EXECUTION_ID = (select max(x.JOB_EXECUTION_ID) from BATCH_JOB_EXECUTION x
			                          where x.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID)
			""";

	private static final String OWNED = """
			and exists (select 1 from BATCH_JOB_EXECUTION_PARAMS p where p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
			            and p.PARAMETER_NAME = :ownerParameter and p.PARAMETER_VALUE = :owner)
			""";

	private static final String IN_STATE = "and e.STATUS in (:statuses)\n";

	private final JdbcClient jdbc;

	private final ExecutionContextSerializer serializer;

	JobPages(JdbcClient jdbc, ExecutionContextSerializer serializer) {
		this.jdbc = jdbc;
		this.serializer = serializer;
	}

	/**
	 * Pages read through {@code dataSource} alone, as a command reads them without the
	 * application: contexts in Batch's default format, which is the one it writes.
	 */
	public static JobPages of(DataSource dataSource) {
		return new JobPages(JdbcClient.create(dataSource), new DefaultExecutionContextSerializer());
	}

	/** As {@link JobCatalog#page}. */
	public List<JobView> page(Optional<String> owner, Optional<JobState> state, int offset, int limit) {
		String sql = """
				select e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_MESSAGE,
				       c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT
				""" + LATEST.replace("where i.JOB_NAME",
				"left join BATCH_JOB_EXECUTION_CONTEXT c on c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID\nwhere i.JOB_NAME")
				+ filters(owner, state) + "order by i.JOB_INSTANCE_ID desc limit :limit offset :offset";
		List<Latest> latest = bind(jdbc.sql(sql), owner, state).param("limit", limit)
			.param("offset", offset)
			.query(this::latest)
			.list();
		if (latest.isEmpty()) {
			return List.of();
		}
		Map<Long, JobParameters> parameters = parameters(latest.stream().map(Latest::executionId).toList());
		Map<Long, Long> partitionRows = partitionRows(latest.stream().map(Latest::instanceId).toList());
		return latest.stream()
			.map(l -> l.view(parameters.get(l.executionId()), partitionRows.getOrDefault(l.instanceId(), 0L)))
			.toList();
	}

	long count(Optional<String> owner, Optional<JobState> state) {
		return bind(jdbc.sql("select count(*) " + LATEST + filters(owner, state)), owner, state).query(Long.class)
			.single();
	}

	private static String filters(Optional<String> owner, Optional<JobState> state) {
		return (owner.isPresent() ? OWNED : "") + (state.isPresent() ? IN_STATE : "");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec query, Optional<String> owner,
			Optional<JobState> state) {
		query.param("job", EnrichmentJobConfig.JOB);
		owner.ifPresent(o -> query.param("ownerParameter", EnrichmentRequest.OWNER).param("owner", o));
		state.ifPresent(s -> query.param("statuses", statusesOf(s)));
		return query;
	}

	/** Batch's statuses that users see as {@code state}. */
	private static List<String> statusesOf(JobState state) {
		return Arrays.stream(BatchStatus.values()).filter(b -> JobState.of(b) == state).map(Enum::name).toList();
	}

	private Map<Long, JobParameters> parameters(List<Long> executionIds) {
		Map<Long, JobParametersBuilder> builders = new HashMap<>();
		jdbc.sql("""
				select JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING
				from BATCH_JOB_EXECUTION_PARAMS where JOB_EXECUTION_ID in (:ids)""")
			.param("ids", executionIds)
			.query((rs, n) -> {
				JobParametersBuilder builder = builders.computeIfAbsent(rs.getLong(1),
						id -> new JobParametersBuilder());
				String name = rs.getString(2);
				String value = rs.getString(4);
				boolean identifying = "Y".equals(rs.getString(5));
				// why: the request's parameters are strings and longs only
				if (Long.class.getName().equals(rs.getString(3))) {
					builder.addLong(name, Long.valueOf(value), identifying);
				}
				else {
					builder.addString(name, value, identifying);
				}
				return null;
			})
			.list();
		Map<Long, JobParameters> parameters = new HashMap<>();
		builders.forEach((id, builder) -> parameters.put(id, builder.toJobParameters()));
		return parameters;
	}

	/** Rows the partitions wrote or skipped, per job instance, over every execution. */
	private Map<Long, Long> partitionRows(List<Long> instanceIds) {
		Map<Long, Long> rows = new HashMap<>();
		jdbc.sql("""
				select e.JOB_INSTANCE_ID, sum(s.WRITE_COUNT + s.PROCESS_SKIP_COUNT)
				from BATCH_STEP_EXECUTION s join BATCH_JOB_EXECUTION e on e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
				where e.JOB_INSTANCE_ID in (:ids) and s.STEP_NAME like :workers
				group by e.JOB_INSTANCE_ID""")
			.param("ids", instanceIds)
			.param("workers", EnrichmentJobConfig.WORKER_STEP_PREFIX + "%")
			.query((rs, n) -> rows.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return rows;
	}

	private Latest latest(ResultSet rs, int row) throws SQLException {
		String serialized = rs.getString("SERIALIZED_CONTEXT");
		String context = serialized != null ? serialized : rs.getString("SHORT_CONTEXT");
		return new Latest(rs.getLong("JOB_EXECUTION_ID"), rs.getLong("JOB_INSTANCE_ID"),
				BatchStatus.valueOf(rs.getString("STATUS")), time(rs.getTimestamp("START_TIME")),
				time(rs.getTimestamp("END_TIME")), rs.getString("EXIT_MESSAGE"), context(context));
	}

	private ExecutionContext context(String serialized) {
		if (serialized == null || serialized.isBlank()) {
			return new ExecutionContext();
		}
		try {
			return new ExecutionContext(
					serializer.deserialize(new ByteArrayInputStream(serialized.getBytes(StandardCharsets.UTF_8))));
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read a job execution context: " + e.getMessage(), e);
		}
	}

	private static LocalDateTime time(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime();
	}

	/** One job's latest execution as its row came back. */
	private record Latest(long executionId, long instanceId, BatchStatus status, LocalDateTime start, LocalDateTime end,
			String exitMessage, ExecutionContext context) {

		JobView view(JobParameters parameters, long partitionRows) {
			EnrichmentRequest request = EnrichmentRequest.from(parameters);
			JobProgress progress = JobProgress.of(context, request.rowCount(), partitionRows, start, end);
			return new JobView(request.jobId(), request.owner(), request.fileName(), JobState.of(status), executionId,
					progress.total(), progress.done(), progress.percent(), RunContext.rows(context), start,
					progress.elapsed(), JobCatalog.errorOf(status, exitMessage, List.of()),
					request.workArea().resultKey(request.format().extension()), request.format(), request.exportPath(),
					RunContext.usage(context).orElse(null), RunContext.costUsd(context).orElse(null), request.mode());
		}

	}

}
