package io.leadline.jobs.enrichment;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;

/**
 * Everything one enrichment job needs, and its mapping to job parameters. Only
 * {@code jobId} identifies the JobInstance, so a restart is the same instance whatever
 * else changed; chunk size and partition count travel with it because chunk object keys
 * depend on them.
 *
 * @param emailColumn header or key of the email column, or null to guess
 * @param outputColumns original columns to keep (empty keeps all)
 * @param exportPath a local file the result is copied to at the end, or null
 * @param fields which column holds each prospect field ({@code company -> Organisation}),
 * as the start path resolved it or the caller overrode it; fields left out are recognised
 * from the headers in prepare
 */
public record EnrichmentRequest(UUID jobId, String owner, String inputKey, String fileName, String emailColumn,
		ServiceContext service, ResultFormat format, List<String> outputColumns, long rowCount, int chunkSize,
		int partitions, String exportPath, Map<String, String> fields) {

	public static final String JOB_ID = "jobId";

	/** Job parameter: the field mapping, one {@code field=header} a line. */
	public static final String FIELDS = "fields";

	// why: the job repository stores a parameter value in 2,500 characters
	private static final int MAX_PARAMETER_CHARS = 2_500;

	public EnrichmentRequest {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(inputKey, "inputKey");
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(format, "format");
		fileName = fileName == null || fileName.isBlank() ? "input" : fileName;
		outputColumns = outputColumns == null ? List.of() : List.copyOf(outputColumns);
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		if (chunkSize < 1 || partitions < 1) {
			throw new IllegalArgumentException("chunk size and partitions must be positive");
		}
		if (service.toJson().length() > MAX_PARAMETER_CHARS) {
			throw new IllegalArgumentException(
					"service context is too long: keep it under " + MAX_PARAMETER_CHARS + " characters");
		}
	}

	/** A request whose fields are recognised from the headers alone. */
	public EnrichmentRequest(UUID jobId, String owner, String inputKey, String fileName, String emailColumn,
			ServiceContext service, ResultFormat format, List<String> outputColumns, long rowCount, int chunkSize,
			int partitions, String exportPath) {
		this(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns, rowCount, chunkSize,
				partitions, exportPath, Map.of());
	}

	/** This request with the field mapping {@code field -> header}. */
	public EnrichmentRequest withFields(Map<String, String> mapping) {
		return new EnrichmentRequest(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns,
				rowCount, chunkSize, partitions, exportPath, mapping);
	}

	public WorkArea workArea() {
		return new WorkArea(jobId, owner);
	}

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(JOB_ID, jobId.toString(), true)
			.addString("owner", owner, false)
			.addString("inputKey", inputKey, false)
			.addString("fileName", fileName, false)
			.addString("service", service.toJson(), false)
			.addString("format", format.name(), false)
			.addString("outputColumns", String.join("\n", outputColumns), false)
			.addLong("rowCount", rowCount, false)
			.addLong("chunkSize", (long) chunkSize, false)
			.addLong("partitions", (long) partitions, false);
		if (emailColumn != null) {
			builder.addString("emailColumn", emailColumn, false);
		}
		if (exportPath != null) {
			builder.addString("exportPath", exportPath, false);
		}
		if (!fields.isEmpty()) {
			builder.addString(FIELDS,
					String.join("\n",
							fields.entrySet().stream().map(field -> field.getKey() + "=" + field.getValue()).toList()),
					false);
		}
		return builder.toJobParameters();
	}

	public static EnrichmentRequest from(JobParameters p) {
		String columns = p.getString("outputColumns", "");
		return new EnrichmentRequest(UUID.fromString(p.getString(JOB_ID)), p.getString("owner"),
				p.getString("inputKey"), p.getString("fileName"), p.getString("emailColumn"),
				ServiceContext.fromJson(p.getString("service")), ResultFormat.valueOf(p.getString("format")),
				columns.isEmpty() ? List.of() : Arrays.asList(columns.split("\n")), p.getLong("rowCount", 0L),
				p.getLong("chunkSize").intValue(), p.getLong("partitions").intValue(), p.getString("exportPath"),
				fieldsOf(p.getString(FIELDS, "")));
	}

	private static Map<String, String> fieldsOf(String lines) {
		return lines.isEmpty() ? Map.of() : FieldMapping.parse(Arrays.asList(lines.split("\n")));
	}
}
