package io.leadline.app.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobStartedElsewhereException;
import io.leadline.app.jobs.ListIntake;
import io.leadline.app.jobs.ListOptions;
import io.leadline.app.jobs.QuotaExceededException;
import io.leadline.app.jobs.StartRefusedException;
import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.InsufficientCreditsException;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;
import io.leadline.jobs.storage.NoSuchObjectException;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectKeys;
import io.leadline.jobs.storage.ObjectStore;

/**
 * One sweep of the nightly inbox: every list dropped under {@code inbox/{owner}/} becomes
 * a job, then moves to {@code done/} (or {@code failed/}, with a {@code .reason.txt}
 * beside it). The job id is a name-based UUID of owner, key and ETag, so the job
 * repository's JobInstance identity refuses a second start of the same file, even from
 * another instance sweeping at the same time. This class only routes; the list starts
 * through {@link ListIntake} like every other.
 */
@Component
@EnableConfigurationProperties(NightlyProperties.class)
public class NightlyInbox {

	private final EnrichmentMode mode;

	private static final Logger log = LoggerFactory.getLogger(NightlyInbox.class);

	static final String INBOX = "inbox/";

	private static final String SERVICE_SUFFIX = ".service.json";

	private static final String REASON_SUFFIX = ".reason.txt";

	/** What a sweep did with one inbox file. */
	public enum Outcome {

		/** Started here; the file moved to {@code done/}. */
		STARTED("started"),
		/**
		 * Its job existed already (an earlier sweep); the file moved to {@code done/}.
		 */
		ALREADY_STARTED("already started"),
		/** Another instance's sweep started it at the same moment. */
		STARTED_ELSEWHERE("started elsewhere"),
		/** Another instance's sweep moved the file while this one looked at it. */
		HANDLED_ELSEWHERE("handled elsewhere"),
		/**
		 * Refused (not a list, no email column, too slow to inspect, too few credits, a
		 * reserved account); see the reason file.
		 */
		FAILED("failed"),
		/**
		 * Left where it is: its key cannot be handled, or an error that may pass (the
		 * file waits for the next sweep).
		 */
		SKIPPED("skipped"),
		/**
		 * The owner has as many jobs active as it may; the file waits in the inbox for
		 * the next sweep.
		 */
		WAITING("waiting");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * What happened to one inbox file in a sweep.
	 *
	 * @param reason why it failed or waits; null otherwise
	 */
	public record Handled(String key, UUID jobId, Outcome outcome, String reason) {

		/** {@code started}, or {@code failed: no email column found...} */
		public String describe() {
			return reason == null ? outcome.label() : outcome.label() + ": " + reason;
		}

	}

	private final ObjectStore store;

	private final ListIntake intake;

	private final JobRepository jobRepository;

	private final JobCatalog catalog;

	private final InboxClaims claims;

	NightlyInbox(ObjectStore store, ListIntake intake, JobRepository jobRepository, JobCatalog catalog,
			InboxClaims claims, NightlyProperties properties) {
		this.mode = properties.mode();
		this.store = store;
		this.intake = intake;
		this.jobRepository = jobRepository;
		this.catalog = catalog;
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
			return new Handled(printable(key), null, Outcome.SKIPPED, "unsafe key");
		}
		try {
			if (Caller.isReserved(ownerOf(key))) {
				String reason = "account " + ownerOf(key) + " is reserved for the CLI; lists of it are not run";
				fail(key, reason);
				return new Handled(key, null, Outcome.FAILED, reason);
			}
			return handle(file);
		}
		catch (IOException | RuntimeException e) {
			log.warn("nightly: {} skipped until the next sweep: {}", key, e.toString());
			return new Handled(key, null, Outcome.SKIPPED, e.getMessage());
		}
	}

	private static String printable(String text) {
		return text.replaceAll("\\p{Cntrl}", "?");
	}

	private Handled handle(ObjectInfo file) throws IOException {
		UUID jobId = jobIdOf(ownerOf(file.key()), file);
		if (hasRun(jobId)) {
			return alreadyStarted(file, jobId);
		}
		Optional<InboxClaims.Claim> claim = claims.take(jobId);
		if (claim.isEmpty()) {
			return new Handled(file.key(), jobId, Outcome.STARTED_ELSEWHERE, null);
		}
		try {
			if (hasRun(jobId)) {
				return alreadyStarted(file, jobId);
			}
			removeStrandedInstance(jobId);
			return start(file, jobId);
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
		return new Handled(file.key(), jobId, Outcome.ALREADY_STARTED, null);
	}

	private Handled start(ObjectInfo file, UUID jobId) throws IOException {
		try {
			startFromCopy(file, jobId);
			moveTo(file.key(), "done");
			log.info("nightly: {} started as job {}", file.key(), jobId);
			return new Handled(file.key(), jobId, Outcome.STARTED, null);
		}
		catch (JobStartedElsewhereException raced) {
			return new Handled(file.key(), jobId, Outcome.STARTED_ELSEWHERE, null);
		}
		catch (UnsupportedInputException | StartRefusedException | InsufficientCreditsException
				| IllegalArgumentException refused) {
			fail(file.key(), refused.getMessage());
			return new Handled(file.key(), jobId, Outcome.FAILED, refused.getMessage());
		}
		catch (QuotaExceededException busy) {
			// why: waiting helps: the file stays in the inbox for the next sweep
			log.info("nightly: {} waits: {}", file.key(), busy.getMessage());
			return new Handled(file.key(), jobId, Outcome.WAITING, busy.getMessage());
		}
		catch (NoSuchObjectException movedAway) {
			// why: another instance's sweep handled this file and moved it while we
			// looked at it
			return new Handled(file.key(), jobId, Outcome.HANDLED_ELSEWHERE, null);
		}
	}

	/** Starts the file's job through the one start path, from a local copy. */
	private void startFromCopy(ObjectInfo file, UUID jobId) throws IOException {
		Path local = Files.createTempFile("leadline-inbox-", ".tmp");
		try {
			store.copyTo(file.key(), local);
			ListOptions options = ListOptions.defaults()
				.withService(serviceBeside(file.key()))
				.withFormat(ResultFormat.XLSX)
				.withMode(mode);
			intake.start(intake.prepareInbox(local, ownerOf(file.key()), jobId, nameOf(file.key()), options));
		}
		catch (IOException | RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException("nightly: cannot start " + file.key() + ": " + e.getMessage(), e);
		}
		finally {
			Files.deleteIfExists(local);
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
	 * The file's own {@code NAME.service.json}, or null for the owner's default (else the
	 * generic one).
	 */
	private ServiceContext serviceBeside(String key) throws IOException {
		String beside = key + SERVICE_SUFFIX;
		if (store.stat(beside).isEmpty()) {
			return null;
		}
		try (InputStream in = store.open(beside)) {
			return ServiceContext.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
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
