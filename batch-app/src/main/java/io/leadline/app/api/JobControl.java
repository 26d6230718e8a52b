package io.leadline.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.EnrichmentLauncher;
import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobLogLine;
import io.leadline.app.jobs.JobView;
import io.leadline.app.jobs.Quotas;
import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.enrichment.EnrichmentProperties;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.input.EmailColumn;
import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/**
 * What API callers may do with jobs, owner checks included: a job or upload of another
 * owner is reported as not found. Starting reserves the job's credits first, so a short
 * account gets an honest 402 and no job.
 */
@Component
public class JobControl {

	private static final Logger log = LoggerFactory.getLogger(JobControl.class);

	private final JobCatalog catalog;

	private final EnrichmentLauncher launcher;

	private final Uploads uploads;

	private final CreditLedger ledger;

	private final ObjectStore store;

	private final EnrichmentProperties properties;

	private final Quotas quotas;

	JobControl(JobCatalog catalog, EnrichmentLauncher launcher, Uploads uploads, CreditLedger ledger, ObjectStore store,
			EnrichmentProperties properties, Quotas quotas) {
		this.quotas = quotas;
		this.catalog = catalog;
		this.launcher = launcher;
		this.uploads = uploads;
		this.ledger = ledger;
		this.store = store;
		this.properties = properties;
	}

	/**
	 * Reserves the upload's rows and queues the job; it runs on the server's job
	 * executor.
	 */
	public JobView start(Caller caller, StartJobRequest start, ServiceContext service) throws Exception {
		Upload upload = uploads.find(start.uploadId())
			.filter(u -> caller.mayAccess(u.owner()))
			.orElseThrow(() -> ApiException.notFound("upload", start.uploadId()));
		if (upload.rowCount() < 1) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "empty_list", "the list has no data rows");
		}
		Headers headers = Headers.of(upload.headers());
		int emailColumn = column(headers, start.emailColumn() == null || start.emailColumn().isBlank()
				? upload.emailColumnGuess() : start.emailColumn());
		String emailHeader = headers.originals().get(emailColumn);
		Map<String, String> fields;
		try {
			fields = FieldMapping.recognize(headers, emailColumn).overriddenBy(start.fields()).toHeaders();
		}
		catch (IllegalArgumentException e) {
			throw ApiException.badRequest("unknown_field", e.getMessage());
		}
		List<String> outputColumns = start.outputColumns() == null ? List.of() : start.outputColumns();
		for (String column : outputColumns) {
			if (headers.indexOf(column).isEmpty()) {
				throw ApiException.badRequest("unknown_column", "no column '%s' in the upload; it has %s"
					.formatted(column, String.join(", ", headers.originals())));
			}
		}
		ResultFormat format = ResultFormat.parse(start.format() == null ? upload.format() : start.format());
		EnrichmentRequest request = new EnrichmentRequest(UUID.randomUUID(), upload.owner(), upload.objectKey(),
				upload.filename(), emailHeader, service, format, outputColumns, upload.rowCount(),
				properties.chunkSize(), properties.partitions(), null)
			.withFields(fields);
		quotas.startWithin(request.owner(), () -> launch(request));
		log.info("job {} queued for account {}: {} rows from upload {}", request.jobId(), request.owner(),
				request.rowCount(), upload.id());
		return visible(caller, request.jobId());
	}

	/** Reserves the job's credits and queues it; gives the credits back if it cannot. */
	private JobExecution launch(EnrichmentRequest request) throws Exception {
		ledger.reserve(request.owner(), request.jobId(), request.rowCount());
		JobExecution execution;
		try {
			execution = launcher.run(request);
		}
		catch (Exception | Error e) {
			ledger.release(request.jobId(), "not started: " + e.getMessage());
			throw e;
		}
		if (execution.getStatus() == BatchStatus.FAILED && execution.getStartTime() == null) {
			// why: the job executor refused it (queue full): give the credits back at
			// once
			ledger.release(request.jobId(), "not started: the server is busy");
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "server_busy",
					"too many jobs are waiting; try again later");
		}
		return execution;
	}

	public JobView visible(Caller caller, UUID jobId) {
		return catalog.view(jobId)
			.filter(view -> caller.mayAccess(view.owner()))
			.orElseThrow(() -> ApiException.notFound("job", jobId));
	}

	public List<JobLogLine> log(Caller caller, UUID jobId) {
		visible(caller, jobId);
		List<JobLogLine> lines = new ArrayList<>(catalog.log(jobId));
		for (LedgerEntry entry : ledger.jobEntries(jobId)) {
			lines.add(new JobLogLine(entry.at(),
					"credits %s %+,d: %s".formatted(entry.kind().name().toLowerCase(), entry.delta(), entry.reason())));
		}
		lines.sort(Comparator.comparing(JobLogLine::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return lines;
	}

	public JobView stop(Caller caller, UUID jobId) throws Exception {
		JobView view = visible(caller, jobId);
		if (!lastExecution(jobId).getStatus().isRunning()) {
			throw ApiException.conflict("job_not_running",
					"job " + jobId + " is " + view.state().label() + "; only a queued or running job can be stopped");
		}
		launcher.stop(jobId);
		return visible(caller, jobId);
	}

	public JobView restart(Caller caller, UUID jobId) throws Exception {
		JobView view = visible(caller, jobId);
		BatchStatus status = lastExecution(jobId).getStatus();
		if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
			throw ApiException.conflict("not_restartable",
					"job " + jobId + " is " + view.state().label() + "; only a failed or stopped job can be restarted");
		}
		if (ledger.isClosed(jobId)) {
			throw ApiException.conflict("not_restartable",
					"job " + jobId + " gave its credits back for good; start a new job from the upload");
		}
		launcher.restart(jobId);
		return visible(caller, jobId);
	}

	public JobView abandon(Caller caller, UUID jobId) throws Exception {
		JobView view = visible(caller, jobId);
		BatchStatus status = lastExecution(jobId).getStatus();
		if (status == BatchStatus.COMPLETED) {
			throw ApiException.conflict("not_abandonable", "job " + jobId + " completed; there is nothing to abandon");
		}
		try {
			launcher.abandon(jobId);
		}
		catch (JobExecutionAlreadyRunningException e) {
			throw ApiException.conflict("not_abandonable",
					"job " + jobId + " is " + view.state().label() + "; stop it first");
		}
		return visible(caller, jobId);
	}

	/**
	 * Deletes the job's input, result and work objects; its metadata and ledger rows
	 * stay.
	 */
	public void delete(Caller caller, UUID jobId) throws IOException {
		JobView view = visible(caller, jobId);
		if (lastExecution(jobId).getStatus().isRunning()) {
			throw ApiException.conflict("job_running",
					"job " + jobId + " is " + view.state().label() + "; stop it first");
		}
		EnrichmentRequest request = EnrichmentRequest.from(lastExecution(jobId).getJobParameters());
		ledger.release(jobId, "deleted");
		WorkArea work = request.workArea();
		uploads.deleteByObjectKey(request.inputKey());
		store.deletePrefix(work.outputPrefix());
		store.deletePrefix(work.workPrefix());
		log.info("job {} files deleted by {}", jobId, caller.accountId());
	}

	public List<LedgerEntry> credits(UUID jobId) {
		return ledger.jobEntries(jobId);
	}

	/** The job as the API shows it: progress, counts, credits and provider usage. */
	public JobResponse describe(JobView view) {
		try {
			return JobResponse.of(view, credits(view.jobId()), catalog.summary(view).orElse(null));
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the summary of job " + view.jobId(), e);
		}
	}

	/** A job's result file, opened for download. */
	public record ResultFile(String fileName, ResultFormat format, long size, InputStream body) {

		public ResponseEntity<Resource> response() {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(format.contentType()))
				.contentLength(size)
				.header("Content-Disposition",
						ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
				.body(new InputStreamResource(body));
		}
	}

	/**
	 * @throws ApiException {@code no_result} until the job has completed
	 */
	public ResultFile result(Caller caller, UUID jobId) throws IOException {
		JobView view = visible(caller, jobId);
		// why: merge publishes, then settles; a result is served only once it is paid for
		if (!ledger.isSettled(jobId)) {
			throw ApiException.conflict("result_not_ready",
					"job " + jobId + " is " + view.state().label() + " and has no paid result (yet)");
		}
		ObjectInfo info = store.stat(view.resultKey())
			.orElseThrow(() -> ApiException.conflict("no_result",
					"job " + jobId + " is " + view.state().label() + " and has no result (yet)"));
		ResultFormat format = ResultFormat.parse(info.key().substring(info.key().lastIndexOf('.') + 1));
		return new ResultFile(resultName(view.fileName(), format), format, info.size(), store.open(view.resultKey()));
	}

	/** {@code prospects.csv} → {@code prospects-enriched.xlsx} */
	static String resultName(String fileName, ResultFormat format) {
		int dot = fileName.lastIndexOf('.');
		String base = dot > 0 ? fileName.substring(0, dot) : fileName;
		return base + "-enriched." + format.extension();
	}

	private JobExecution lastExecution(UUID jobId) {
		return catalog.lastExecution(jobId).orElseThrow(() -> ApiException.notFound("job", jobId));
	}

	private static int column(Headers headers, String requested) {
		try {
			return EmailColumn.resolve(headers, requested);
		}
		catch (UnsupportedInputException e) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
					requested == null ? "no_email_column" : "unknown_email_column",
					e.getMessage().replace("pass --email-column", "name it in emailColumn"));
		}
	}

}
