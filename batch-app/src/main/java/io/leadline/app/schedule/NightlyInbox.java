package io.leadline.app.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.EnrichmentLauncher;
import io.leadline.app.security.Caller;
import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.QuotaExceededException;
import io.leadline.app.jobs.Quotas;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.InsufficientCreditsException;
import io.leadline.jobs.enrichment.EnrichmentProperties;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.input.ListInspection;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.NoSuchObjectException;
import io.leadline.jobs.storage.ObjectKeys;
import io.leadline.jobs.storage.ObjectStore;

/**
 * One sweep of the nightly inbox: every list dropped under {@code inbox/{owner}/} becomes
 * a job, then moves to {@code done/} (or {@code failed/}, with a {@code .reason.txt}
 * beside it). The job id is a name-based UUID of owner, key and ETag, so the job
 * repository's JobInstance identity refuses a second start of the same file, even from
 * another instance sweeping at the same time.
 */
@Component
public class NightlyInbox {

	private static final Logger log = LoggerFactory.getLogger(NightlyInbox.class);

	static final String INBOX = "inbox/";

	private static final String SERVICE_SUFFIX = ".service.json";

	private static final String REASON_SUFFIX = ".reason.txt";

	/** What happened to one inbox file in a sweep. */
	public record Handled(String key, UUID jobId, String outcome) {
	}

	private final ObjectStore store;

	private final EnrichmentLauncher launcher;

	private final JobRepository jobRepository;

	private final JobCatalog catalog;

	private final CreditLedger credits;

	private final EnrichmentProperties properties;

	private final InputLimits limits;

	private final InboxClaims claims;

	private final Quotas quotas;

	NightlyInbox(ObjectStore store, EnrichmentLauncher launcher, JobRepository jobRepository, JobCatalog catalog,
			CreditLedger credits, EnrichmentProperties properties, InputLimits limits, InboxClaims claims,
			Quotas quotas) {
		this.quotas = quotas;
		this.store = store;
		this.launcher = launcher;
		this.jobRepository = jobRepository;
		this.catalog = catalog;
		this.credits = credits;
		this.properties = properties;
		this.limits = limits;
		this.claims = claims;
	}

	public List<Handled> sweep() throws IOException {
		List<Handled> handled = new ArrayList<>();
		for (ObjectInfo file : store.list(INBOX)) {
			if (isList(file.key())) {
				handled.add(handleOrSkip(file));
			}
		}
		return handled;
	}

	/**
	 * One file's trouble never stops the sweep for the owners after it: a key the store
	 * cannot handle is skipped, a reserved owner's file fails, any other error is logged
	 * and the file waits for the next sweep.
	 */
	private Handled handleOrSkip(ObjectInfo file) {
		String key = file.key();
		try {
			ObjectKeys.requireSafe(key);
		}
		catch (IllegalArgumentException unsafe) {
			log.warn("nightly: skipped an inbox object whose key cannot be handled: {}",
					printable(unsafe.getMessage()));
			return new Handled(printable(key), null, "skipped: unsafe key");
		}
		try {
			if (Caller.isReserved(ownerOf(key))) {
				fail(key, "account " + ownerOf(key) + " is reserved for the CLI; lists of it are not run");
				return new Handled(key, null, "failed: reserved account");
			}
			return handle(file);
		}
		catch (IOException | RuntimeException e) {
			log.warn("nightly: {} skipped until the next sweep: {}", key, e.toString());
			return new Handled(key, null, "skipped: " + e.getMessage());
		}
	}

	private static String printable(String text) {
		return text.replaceAll("\\p{Cntrl}", "?");
	}

	private Handled handle(ObjectInfo file) throws IOException {
		String owner = ownerOf(file.key());
		UUID jobId = jobIdOf(owner, file);
		if (hasRun(jobId)) {
			return alreadyStarted(file, jobId);
		}
		Optional<InboxClaims.Claim> claim = claims.take(jobId);
		if (claim.isEmpty()) {
			return new Handled(file.key(), jobId, "started elsewhere");
		}
		try {
			if (hasRun(jobId)) {
				return alreadyStarted(file, jobId);
			}
			removeStrandedInstance(jobId);
			return start(file, owner, jobId);
		}
		finally {
			claims.giveBack(claim.get());
		}
	}

	private Handled alreadyStarted(ObjectInfo file, UUID jobId) throws IOException {
		try {
			moveTo(file.key(), "done");
		}
		catch (NoSuchObjectException movedAway) {
			// why: the instance that started it moved it meanwhile
		}
		return new Handled(file.key(), jobId, "already started");
	}

	private Handled start(ObjectInfo file, String owner, UUID jobId) throws IOException {
		Path local = Files.createTempFile("leadline-inbox-", ".tmp");
		try {
			store.copyTo(file.key(), local);
			ListInspection inspection = ListInspection.inspect(local, limits);
			String emailHeader = inspection.headers().originals().get(inspection.emailColumn(null));
			WorkArea work = new WorkArea(jobId, owner);
			String inputKey = work.inputKey(inspection.format().format().name().toLowerCase());
			if (inspection.dataRows() < 1) {
				throw new UnsupportedInputException("the list has headers but no data rows");
			}
			quotas.checkActiveJobs(owner);
			credits.reserve(owner, jobId, inspection.dataRows());
			store.put(inputKey, local);
			EnrichmentRequest request = new EnrichmentRequest(jobId, owner, inputKey, nameOf(file.key()), emailHeader,
					serviceFor(file.key(), owner), ResultFormat.XLSX, List.of(), inspection.dataRows(),
					properties.chunkSize(), properties.partitions(), null);
			if (!startedHere(jobId, request)) {
				return new Handled(file.key(), jobId, "started elsewhere");
			}
			moveTo(file.key(), "done");
			log.info("nightly: {} started as job {}", file.key(), jobId);
			return new Handled(file.key(), jobId, "started");
		}
		catch (UnsupportedInputException | InsufficientCreditsException | IllegalArgumentException refused) {
			fail(file.key(), refused.getMessage());
			return new Handled(file.key(), jobId, "failed: " + refused.getMessage());
		}
		catch (QuotaExceededException busy) {
			// why: waiting helps: the file stays in the inbox for the next sweep
			log.info("nightly: {} waits: {}", file.key(), busy.getMessage());
			return new Handled(file.key(), jobId, "waiting: " + busy.getMessage());
		}
		catch (NoSuchObjectException movedAway) {
			// why: another instance's sweep handled this file and moved it while we
			// looked at it
			return new Handled(file.key(), jobId, "handled elsewhere");
		}
		catch (IOException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException("nightly: cannot start " + file.key() + ": " + e.getMessage(), e);
		}
		finally {
			Files.deleteIfExists(local);
		}
	}

	/**
	 * Starts the job, or learns that another instance's sweep started this file first:
	 * the JobInstance identity refuses our start, in whichever way the race showed (a
	 * duplicate instance, a running or finished one, or one whose first execution is
	 * still being created).
	 */
	private boolean startedHere(UUID jobId, EnrichmentRequest request) throws Exception {
		try {
			launcher.run(request);
			return true;
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException
				| DataIntegrityViolationException | IllegalStateException refused) {
			if (catalog.instance(jobId).isPresent()) {
				return false;
			}
			throw refused;
		}
	}

	/** The same file (owner, key and content) always makes the same job. */
	static UUID jobIdOf(String owner, ObjectInfo file) {
		return UUID
			.nameUUIDFromBytes((owner + "\n" + file.key() + "\n" + file.etag()).getBytes(StandardCharsets.UTF_8));
	}

	private boolean hasRun(UUID jobId) {
		return catalog.instance(jobId)
			.filter(instance -> !jobRepository.getJobExecutions(instance).isEmpty())
			.isPresent();
	}

	/**
	 * Removes an instance without a run, so the file can run after all: called while
	 * holding the file's claim, when no other sweep can be starting it, such an instance
	 * was left by a sweep that died between creating the job and its first run.
	 */
	private void removeStrandedInstance(UUID jobId) {
		catalog.instance(jobId).ifPresent(instance -> {
			log.warn("nightly: job instance {} has no run: the sweep that created it died; starting it again",
					instance.getId());
			jobRepository.deleteJobInstance(instance);
		});
	}

	/**
	 * The file's own {@code NAME.service.json}, else the owner's default, else the
	 * generic one.
	 */
	private ServiceContext serviceFor(String key, String owner) throws IOException {
		String beside = key + SERVICE_SUFFIX;
		if (store.stat(beside).isPresent()) {
			try (InputStream in = store.open(beside)) {
				return ServiceContext.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return Optional.ofNullable(credits.account(owner).defaultService()).orElse(ServiceContext.defaults());
	}

	private void fail(String key, String reason) throws IOException {
		try {
			String target = moveTo(key, "failed");
			store.write(target + REASON_SUFFIX, out -> out.write((reason + "\n").getBytes(StandardCharsets.UTF_8)));
			log.warn("nightly: {} moved to failed/: {}", key, reason);
		}
		catch (NoSuchObjectException movedAway) {
			// why: another instance's sweep moved it first; it reached the same verdict
		}
	}

	/**
	 * Moves an inbox file (and its service file) under {@code inbox/{owner}/{folder}/};
	 * idempotent.
	 */
	private String moveTo(String key, String folder) throws IOException {
		String target = INBOX + ownerOf(key) + "/" + folder + "/" + nameOf(key);
		for (String suffix : List.of("", SERVICE_SUFFIX)) {
			if (store.stat(key + suffix).isPresent()) {
				store.write(target + suffix, out -> {
					try (InputStream in = store.open(key + suffix)) {
						in.transferTo(out);
					}
				});
				store.delete(key + suffix);
			}
		}
		return target;
	}

	/**
	 * {@code inbox/{owner}/{name}}: a list waiting, not a service file nor anything
	 * already handled.
	 */
	private static boolean isList(String key) {
		String[] parts = key.split("/");
		// why: S3 consoles create "folder" marker objects whose key ends in '/'
		return parts.length == 3 && !key.endsWith("/") && !key.endsWith(SERVICE_SUFFIX) && !key.endsWith(REASON_SUFFIX);
	}

	private static String ownerOf(String key) {
		return key.split("/")[1];
	}

	private static String nameOf(String key) {
		return key.substring(key.lastIndexOf('/') + 1);
	}

}
