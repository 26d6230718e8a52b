package io.leadline.app.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.StartRefusedException.Reason;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.enrichment.EnrichmentProperties;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.input.EmailColumn;
import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;
import io.leadline.jobs.input.InputFormat;
import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.input.ListInspection;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The one way a list becomes a job, whatever it comes from: inspect it (format by
 * content, headers, rows), resolve the email column, check the output columns, pick the
 * service (asked for, else the account's default, else the generic one), build the
 * request; then {@link #start(PreparedList) start}: reserve the rows, store the input,
 * launch, and give the credits back when it did not start. A refused list leaves no job
 * and no reservation behind.
 *
 * <pre>{@code
 * PreparedList list = intake.prepareLocal(file, ListOptions.defaults().withEmailColumn("Email"));
 * JobExecution run = intake.start(list);
 * }</pre>
 *
 * Entry points by source: {@link #prepareLocal} (CLI), {@link #acceptUpload} then
 * {@link #prepareUpload} (API and web), {@link #prepareInbox} (nightly).
 */
@Component
public class ListIntake {

	private static final Logger log = LoggerFactory.getLogger(ListIntake.class);

	private final ObjectStore store;

	private final InputLimits limits;

	private final EnrichmentProperties properties;

	private final CreditLedger ledger;

	private final EnrichmentLauncher launcher;

	private final JobCatalog catalog;

	private final Uploads uploads;

	private final Quotas quotas;

	private final Inspections inspections;

	ListIntake(ObjectStore store, InputLimits limits, EnrichmentProperties properties, CreditLedger ledger,
			EnrichmentLauncher launcher, JobCatalog catalog, Uploads uploads, Quotas quotas, Inspections inspections) {
		this.quotas = quotas;
		this.inspections = inspections;
		this.store = store;
		this.limits = limits;
		this.properties = properties;
		this.ledger = ledger;
		this.launcher = launcher;
		this.catalog = catalog;
		this.uploads = uploads;
	}

	// --- entry points by source

	/** A list on this machine, run by the CLI's {@code local} account. */
	public PreparedList prepareLocal(Path file, ListOptions options) throws IOException {
		return prepare(file, CreditLedger.LOCAL_ACCOUNT, UUID.randomUUID(), file.getFileName().toString(), options,
				local -> ListInspection.inspect(local, limits));
	}

	/**
	 * A list dropped in the nightly inbox, copied to {@code copy}; {@code jobId} is
	 * derived from the file, so a second start of it is refused. Inspected like an upload
	 * (same slots, same time limit), but waits for a slot instead of being refused.
	 * @throws StartRefusedException {@code INSPECTION_TIMEOUT} when it took too long
	 */
	public PreparedList prepareInbox(Path copy, String owner, UUID jobId, String fileName, ListOptions options)
			throws IOException {
		return prepare(copy, owner, jobId, fileName, options, inspections::inspectWaiting);
	}

	/**
	 * Stores and records an uploaded list so its owner can pick the email column and see
	 * the cost before starting it with {@link #prepareUpload}. A refused file leaves
	 * nothing behind: no object, no record, no temporary file.
	 * @throws StartRefusedException when the list has no data rows, or the server is
	 * inspecting as many uploads as it may (or this one took too long)
	 */
	public Upload acceptUpload(String owner, String originalName, InputStreamSource content) throws IOException {
		Path temp = Files.createTempFile("leadline-upload-", ".bin");
		try {
			try (InputStream in = content.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			long bytes = Files.size(temp);
			if (bytes == 0) {
				throw new UnsupportedInputException("the file is empty");
			}
			quotas.checkUploads(owner, bytes);
			ListInspection inspection = inspections.inspect(temp);
			requireDataRows(inspection.dataRows());
			// why: a list whose email column cannot be guessed is still accepted; the
			// person
			// picks the column when starting the job
			String emailColumn = inspection.emailColumnGuess().isEmpty() ? null
					: inspection.headers().originals().get(inspection.emailColumnGuess().getAsInt());
			UUID id = UUID.randomUUID();
			InputFormat format = inspection.format().format();
			Upload upload = new Upload(id, owner, displayName(originalName), format,
					new WorkArea(id, owner).inputKey(format.extension()), inspection.dataRows(),
					inspection.headers().originals(), emailColumn, LocalDateTime.now());
			store.put(upload.objectKey(), temp);
			uploads.record(upload, bytes);
			return upload;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** A job from a stored upload; the caller has checked that it may use it. */
	public PreparedList prepareUpload(Upload upload, ListOptions options) {
		requireDataRows(upload.rowCount());
		Headers headers = Headers.of(upload.headers());
		String requested = options.emailColumn() == null ? upload.emailColumnGuess() : options.emailColumn();
		int email = emailColumn(headers, requested);
		checkOutputColumns(headers, options.outputColumns());
		Map<String, String> fields = fields(
				() -> FieldMapping.recognize(headers, email).overriddenBy(options.fields()));
		EnrichmentRequest request = request(UUID.randomUUID(), upload.owner(), upload.objectKey(), upload.filename(),
				headers.originals().get(email), upload.rowCount(), resultFormatOf(upload.format()), options, fields);
		return new PreparedList(request, null);
	}

	// --- the one start path

	/**
	 * Reserves the rows, stores the input and launches the job: in the calling thread
	 * (CLI) or on the server's job executor, which answers at once. Credits go back when
	 * the job did not start. The owner's quota of active jobs is checked and the job
	 * started under the account's lock.
	 * @throws QuotaExceededException when the owner has as many jobs active as it may
	 * @throws io.leadline.jobs.credits.InsufficientCreditsException when the account
	 * cannot cover the rows (nothing is stored)
	 * @throws StartRefusedException with {@link Reason#SERVER_BUSY} when the job queue is
	 * full
	 * @throws JobStartedElsewhereException when another process started this job first
	 */
	public JobExecution start(PreparedList list) throws Exception {
		return quotas.startWithin(list.request().owner(), () -> launch(list));
	}

	private JobExecution launch(PreparedList list) throws Exception {
		EnrichmentRequest request = list.request();
		ledger.reserve(request.owner(), request.jobId(), request.rowCount());
		JobExecution execution;
		try {
			if (list.content() != null) {
				store.put(request.inputKey(), list.content());
			}
			execution = launcher.run(request);
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException
				| DataIntegrityViolationException | IllegalStateException refused) {
			if (catalog.instance(request.jobId()).isPresent()) {
				// why: the JobInstance identity refused a second start of the same list,
				// in whichever way the race showed; the credits are the winner's
				throw new JobStartedElsewhereException(request.jobId(), refused);
			}
			ledger.release(request.jobId(), "not started: " + refused.getMessage());
			throw refused;
		}
		catch (Exception | Error e) {
			ledger.release(request.jobId(), "not started: " + e.getMessage());
			throw e;
		}
		if (execution.getStatus() == BatchStatus.FAILED && execution.getStartTime() == null) {
			// why: the job executor refused it (queue full): give the credits back at
			// once
			ledger.release(request.jobId(), "not started: the server is busy");
			throw new StartRefusedException(Reason.SERVER_BUSY, "too many jobs are waiting; try again later");
		}
		log.info("job {} started for account {}: {} rows from {}", request.jobId(), request.owner(), request.rowCount(),
				request.fileName());
		return execution;
	}

	/** The service asked for, else the account's default, else the generic offer. */
	public ServiceContext serviceFor(String owner, ServiceContext requested) {
		if (requested != null) {
			return requested;
		}
		return Optional.ofNullable(ledger.account(owner).defaultService()).orElse(ServiceContext.defaults());
	}

	// --- the parts

	private PreparedList prepare(Path file, String owner, UUID jobId, String fileName, ListOptions options,
			Inspector inspector) throws IOException {
		ListInspection inspection = inspector.inspect(file);
		requireDataRows(inspection.dataRows());
		int email = emailColumn(inspection, options.emailColumn());
		checkOutputColumns(inspection.headers(), options.outputColumns());
		Map<String, String> fields = fields(() -> inspection.fields(email, options.fields()));
		InputFormat format = inspection.format().format();
		EnrichmentRequest request = request(jobId, owner, new WorkArea(jobId, owner).inputKey(format.extension()),
				fileName, inspection.headers().originals().get(email), inspection.dataRows(), resultFormatOf(format),
				options, fields);
		return new PreparedList(request, file);
	}

	/** Where a list is inspected: in the calling thread, or in {@link Inspections}. */
	@FunctionalInterface
	private interface Inspector {

		ListInspection inspect(Path file) throws IOException;

	}

	private EnrichmentRequest request(UUID jobId, String owner, String inputKey, String fileName, String emailHeader,
			long rows, ResultFormat listFormat, ListOptions options, Map<String, String> fields) {
		return EnrichmentRequest.forJob(jobId, owner, inputKey)
			.fileName(fileName)
			.emailColumn(emailHeader)
			.service(serviceFor(owner, options.service()))
			.format(options.format() == null ? listFormat : options.format())
			.outputColumns(options.outputColumns())
			.rowCount(rows)
			.chunking(properties)
			.exportPath(options.exportPath() == null ? null : options.exportPath().toAbsolutePath().toString())
			.fields(fields)
			.mode(options.mode() == null ? EnrichmentMode.LIVE : options.mode())
			.build();
	}

	/** The requested column, else the guess from headers and sample values. */
	private static int emailColumn(ListInspection inspection, String requested) {
		try {
			return inspection.emailColumn(requested);
		}
		catch (UnsupportedInputException e) {
			throw emailColumnRefused(requested, e);
		}
	}

	private static int emailColumn(Headers headers, String requested) {
		try {
			return EmailColumn.resolve(headers, requested);
		}
		catch (UnsupportedInputException e) {
			throw emailColumnRefused(requested, e);
		}
	}

	private static StartRefusedException emailColumnRefused(String requested, UnsupportedInputException e) {
		return new StartRefusedException(requested == null ? Reason.NO_EMAIL_COLUMN : Reason.UNKNOWN_EMAIL_COLUMN,
				e.getMessage());
	}

	/** Which column holds each prospect field, as recognised and corrected. */
	private static Map<String, String> fields(Supplier<FieldMapping> mapping) {
		try {
			return mapping.get().toHeaders();
		}
		catch (IllegalArgumentException e) {
			throw new StartRefusedException(Reason.UNKNOWN_FIELD, e.getMessage());
		}
	}

	private static void requireDataRows(long rows) {
		if (rows < 1) {
			throw new StartRefusedException(Reason.EMPTY_LIST, "the list has headers but no data rows");
		}
	}

	private static void checkOutputColumns(Headers headers, List<String> outputColumns) {
		for (String column : outputColumns) {
			if (headers.indexOf(column).isEmpty()) {
				throw new StartRefusedException(Reason.UNKNOWN_COLUMN, "no column '%s' in the list; it has %s"
					.formatted(column, String.join(", ", headers.originals())));
			}
		}
	}

	/** A list's own format, as a result format. */
	private static ResultFormat resultFormatOf(InputFormat format) {
		return ResultFormat.parse(format.extension());
	}

	/** The name people see; never used in a key. */
	private static String displayName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			return "upload";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
