package io.leadline.app.schedule;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.leadline.jobs.research.JdbcResponseCache;
import io.leadline.jobs.research.ResponseCache;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Inputs, results, work files and handled inbox files are personal data: they are deleted
 * {@code LEADLINE_RETENTION_DAYS} (default 30) after they were written, and expired
 * research answers are purged. Lists still waiting in an inbox are kept. The ledger
 * stays.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionSweep {

	private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

	private static final List<String> PERSONAL = List.of("inputs/", "outputs/", "work/", "inbox/");

	private final ObjectStore store;

	private final ResponseCache cache;

	private final Duration retention;

	RetentionSweep(ObjectStore store, ResponseCache cache, RetentionProperties properties) {
		this.store = store;
		this.cache = cache;
		this.retention = properties.period();
	}

	/**
	 * @return how many objects were deleted
	 */
	public int sweep(Instant now) throws IOException {
		Instant before = now.minus(retention);
		int deleted = 0;
		for (String prefix : PERSONAL) {
			for (ObjectInfo object : store.list(prefix)) {
				if (object.lastModified().isBefore(before) && isHandled(object.key()) && deleted(object.key())) {
					deleted++;
				}
			}
		}
		int purged = cache instanceof JdbcResponseCache jdbc ? jdbc.purgeExpired() : 0;
		log.info("retention: deleted {} objects older than {} days, purged {} expired research answers", deleted,
				retention.toDays(), purged);
		return deleted;
	}

	/**
	 * Deletes one object; one the store refuses (a key it cannot handle, an I/O error) is
	 * logged for the operator and the sweep goes on to the rest.
	 */
	private boolean deleted(String key) {
		try {
			store.delete(key);
			return true;
		}
		catch (IOException | RuntimeException e) {
			log.warn("retention: cannot delete {}; delete it by hand: {}", key.replaceAll("\\p{Cntrl}", "?"),
					e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\p{Cntrl}", "?"));
			return false;
		}
	}

	/** Everything but a list still waiting in an inbox. */
	private static boolean isHandled(String key) {
		return !key.startsWith("inbox/") || key.contains("/done/") || key.contains("/failed/");
	}

	/** The daily sweep, on {@code LEADLINE_RETENTION_CRON}, while the server runs. */
	@Component
	@Profile("serve")
	static class Daily implements SchedulingConfigurer {

		private final RetentionSweep sweep;

		private final RetentionProperties properties;

		Daily(RetentionSweep sweep, RetentionProperties properties) {
			this.sweep = sweep;
			this.properties = properties;
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			registrar.addCronTask(this::run, properties.cron());
		}

		void run() {
			try {
				sweep.sweep(Instant.now());
			}
			catch (Exception e) {
				// why: a failed sweep must not stop the schedule; tomorrow's picks the
				// files up
				log.error("retention sweep failed", e);
			}
		}

	}

}
