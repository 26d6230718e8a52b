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
 * @param mode live, or batch: the model calls go through the provider's Batch API
 * @see #forJob(UUID, String, String) building one without positional arguments
 */
public record EnrichmentRequest(UUID jobId, String owner, String inputKey, String fileName, String emailColumn,
		ServiceContext service, ResultFormat format, List<String> outputColumns, long rowCount, int chunkSize,
		int partitions, String exportPath, Map<String, String> fields, EnrichmentMode mode) {

	// why: these names are the job's contract with Batch's metadata tables; every reader
	// of job parameters goes through this record, never a literal
	/** The only identifying parameter: one JobInstance per job id. */
	public static final String JOB_ID = "jobId";

	/** The account that owns the job; the API's job list filters on it in SQL. */
	public static final String OWNER = "owner";

	static final String INPUT_KEY = "inputKey";

	static final String FILE_NAME = "fileName";

	static final String SERVICE = "service";

	static final String FORMAT = "format";

	static final String OUTPUT_COLUMNS = "outputColumns";

	static final String ROW_COUNT = "rowCount";

	static final String CHUNK_SIZE = "chunkSize";

	static final String PARTITIONS = "partitions";

	static final String EMAIL_COLUMN = "emailColumn";

	static final String EXPORT_PATH = "exportPath";

	/** Job parameter: the field mapping, one {@code field=header} a line. */
	public static final String FIELDS = "fields";

	/** Job parameter: {@code live} or {@code batch}; jobs from before it are live. */
	public static final String MODE = "mode";

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
		mode = mode == null ? EnrichmentMode.LIVE : mode;
		if (chunkSize < 1 || partitions < 1) {
			throw new IllegalArgumentException("chunk size and partitions must be positive");
		}
		if (service.toJson().length() > MAX_PARAMETER_CHARS) {
			throw new IllegalArgumentException(
					"service context is too long: keep it under " + MAX_PARAMETER_CHARS + " characters");
		}
	}

	/**
	 * Starts a request for the job {@code jobId} of {@code owner} reading
	 * {@code inputKey}; everything else has a default:
	 *
	 * <pre>{@code
	 * EnrichmentRequest.forJob(jobId, owner, inputKey)
	 *     .fileName("prospects.csv").emailColumn("Email").rowCount(50)
	 *     .chunking(properties).build();
	 * }</pre>
	 */
	public static Builder forJob(UUID jobId, String owner, String inputKey) {
		return new Builder(jobId, owner, inputKey);
	}

	/** A request whose fields are recognised from the headers alone. */
	public EnrichmentRequest(UUID jobId, String owner, String inputKey, String fileName, String emailColumn,
			ServiceContext service, ResultFormat format, List<String> outputColumns, long rowCount, int chunkSize,
			int partitions, String exportPath) {
		this(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns, rowCount, chunkSize,
				partitions, exportPath, Map.of(), EnrichmentMode.LIVE);
	}

	/** A live request with a field mapping. */
	public EnrichmentRequest(UUID jobId, String owner, String inputKey, String fileName, String emailColumn,
			ServiceContext service, ResultFormat format, List<String> outputColumns, long rowCount, int chunkSize,
			int partitions, String exportPath, Map<String, String> fields) {
		this(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns, rowCount, chunkSize,
				partitions, exportPath, fields, EnrichmentMode.LIVE);
	}

	/** This request with the field mapping {@code field -> header}. */
	public EnrichmentRequest withFields(Map<String, String> mapping) {
		return new EnrichmentRequest(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns,
				rowCount, chunkSize, partitions, exportPath, mapping, mode);
	}

	/** This request in {@code live} or {@code batch} mode. */
	public EnrichmentRequest withMode(EnrichmentMode changed) {
		return new EnrichmentRequest(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns,
				rowCount, chunkSize, partitions, exportPath, fields, changed);
	}

	public WorkArea workArea() {
		return new WorkArea(jobId, owner);
	}

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(JOB_ID, jobId.toString(), true)
			.addString(OWNER, owner, false)
			.addString(INPUT_KEY, inputKey, false)
			.addString(FILE_NAME, fileName, false)
			.addString(SERVICE, service.toJson(), false)
			.addString(FORMAT, format.name(), false)
			.addString(OUTPUT_COLUMNS, String.join("\n", outputColumns), false)
			.addLong(ROW_COUNT, rowCount, false)
			.addLong(CHUNK_SIZE, (long) chunkSize, false)
			.addLong(PARTITIONS, (long) partitions, false)
			.addString(MODE, mode.label(), false);
		if (emailColumn != null) {
			builder.addString(EMAIL_COLUMN, emailColumn, false);
		}
		if (exportPath != null) {
			builder.addString(EXPORT_PATH, exportPath, false);
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
		String columns = p.getString(OUTPUT_COLUMNS, "");
		return new EnrichmentRequest(jobIdOf(p), p.getString(OWNER), p.getString(INPUT_KEY), p.getString(FILE_NAME),
				p.getString(EMAIL_COLUMN), ServiceContext.fromJson(p.getString(SERVICE)),
				ResultFormat.valueOf(p.getString(FORMAT)),
				columns.isEmpty() ? List.of() : Arrays.asList(columns.split("\n")), rowCountOf(p),
				p.getLong(CHUNK_SIZE).intValue(), p.getLong(PARTITIONS).intValue(), p.getString(EXPORT_PATH),
				fieldsOf(p.getString(FIELDS, "")), EnrichmentMode.parse(p.getString(MODE, "live")));
	}

	private static Map<String, String> fieldsOf(String lines) {
		return lines.isEmpty() ? Map.of() : FieldMapping.parse(Arrays.asList(lines.split("\n")));
	}

	/** The parameters that find a job's JobInstance. */
	public static JobParameters identifying(UUID jobId) {
		return new JobParametersBuilder().addString(JOB_ID, jobId.toString(), true).toJobParameters();
	}

	public static UUID jobIdOf(JobParameters parameters) {
		return UUID.fromString(parameters.getString(JOB_ID));
	}

	/** The rows the list had when the job was started (an estimate until prepare ran). */
	static long rowCountOf(JobParameters parameters) {
		return parameters.getLong(ROW_COUNT, 0L);
	}

	/**
	 * Builds a request by name. Defaults: the generic service, an XLSX result keeping
	 * every column, the email column guessed, the configured chunking's defaults, no
	 * export.
	 */
	public static final class Builder {

		private final UUID jobId;

		private final String owner;

		private final String inputKey;

		private String fileName;

		private String emailColumn;

		private ServiceContext service = ServiceContext.defaults();

		private ResultFormat format = ResultFormat.XLSX;

		private List<String> outputColumns = List.of();

		private long rowCount;

		private int chunkSize = 20;

		private int partitions = 8;

		private String exportPath;

		private Map<String, String> fields = Map.of();

		private EnrichmentMode mode = EnrichmentMode.LIVE;

		private Builder(UUID jobId, String owner, String inputKey) {
			this.jobId = jobId;
			this.owner = owner;
			this.inputKey = inputKey;
		}

		public Builder fileName(String fileName) {
			this.fileName = fileName;
			return this;
		}

		/** Header or key of the email column; null guesses it. */
		public Builder emailColumn(String emailColumn) {
			this.emailColumn = emailColumn;
			return this;
		}

		public Builder service(ServiceContext service) {
			this.service = service;
			return this;
		}

		public Builder format(ResultFormat format) {
			this.format = format;
			return this;
		}

		/** Original columns to keep; empty keeps all. */
		public Builder outputColumns(List<String> outputColumns) {
			this.outputColumns = outputColumns;
			return this;
		}

		public Builder rowCount(long rowCount) {
			this.rowCount = rowCount;
			return this;
		}

		public Builder chunking(int chunkSize, int partitions) {
			this.chunkSize = chunkSize;
			this.partitions = partitions;
			return this;
		}

		/** Chunk size and partitions as configured today; a restart keeps these. */
		public Builder chunking(EnrichmentProperties properties) {
			return chunking(properties.chunkSize(), properties.partitions());
		}

		/** A local file the result is copied to at the end; null for none. */
		public Builder exportPath(String exportPath) {
			this.exportPath = exportPath;
			return this;
		}

		/** Which column holds each prospect field ({@code company -> Organisation}). */
		public Builder fields(Map<String, String> fields) {
			this.fields = fields;
			return this;
		}

		/**
		 * Live (the default) or batch: the model calls through the provider's Batch API.
		 */
		public Builder mode(EnrichmentMode mode) {
			this.mode = mode;
			return this;
		}

		public EnrichmentRequest build() {
			return new EnrichmentRequest(jobId, owner, inputKey, fileName, emailColumn, service, format, outputColumns,
					rowCount, chunkSize, partitions, exportPath, fields, mode);
		}

	}

}
