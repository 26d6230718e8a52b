package io.leadline.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's guarantees on H2; {@link NotificationOutboxPostgresIT} runs the same on
 * PostgreSQL.
 */
class NotificationOutboxTest {

	private static final int RACERS = 8;

	private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

	// why: one database for the class; every test uses its own job and event ids
	private static final DataSource H2 = NotifyFixtures.migratedDatabase();

	private final NotificationOutbox outbox = new NotificationOutbox(db());

	private final ExecutorService threads = Executors.newFixedThreadPool(RACERS);

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	DataSource db() {
		return H2;
	}

	@Test
	void enqueuesAJobStateChangeOnceWhenManyProcessesRaceToEnqueueIt() throws Exception {
		UUID jobId = UUID.randomUUID();

		List<Boolean> enqueued = race(() -> outbox.enqueue(UUID.randomUUID(), "acme", jobId, "41:completed",
				"{\"status\":\"completed\"}", NOW));

		assertThat(enqueued).containsOnlyOnce(true);
		assertThat(eventsOf(jobId)).isEqualTo(1);
	}

	@Test
	void aRestartedRunOrAnotherStatusIsANewStateChange() {
		UUID jobId = UUID.randomUUID();

		boolean failed = outbox.enqueue(UUID.randomUUID(), "acme", jobId, "41:failed", "{}", NOW);
		boolean abandoned = outbox.enqueue(UUID.randomUUID(), "acme", jobId, "41:abandoned", "{}", NOW);
		boolean failedAgain = outbox.enqueue(UUID.randomUUID(), "acme", jobId, "41:failed", "{}", NOW);
		boolean restartCompleted = outbox.enqueue(UUID.randomUUID(), "acme", jobId, "42:completed", "{}", NOW);

		assertThat(List.of(failed, abandoned, failedAgain, restartCompleted)).containsExactly(true, true, false, true);
		assertThat(eventsOf(jobId)).isEqualTo(3);
	}

	@Test
	void exactlyOneOfManySendersClaimsAnEvent() throws Exception {
		UUID eventId = UUID.randomUUID();
		outbox.enqueue(eventId, "acme", UUID.randomUUID(), "41:completed", "{}", NOW);

		List<Boolean> claimed = race(
				() -> outbox.claim(eventId.toString(), NOW, NOW.plus(Duration.ofMinutes(1))).isPresent());

		assertThat(claimed).containsOnlyOnce(true);
		assertThat(outbox.state(eventId.toString())).contains(NotificationOutbox.State.SENDING);
	}

	@Test
	void theClaimOfASenderThatDiedIsTakenOverOnceItLapses() {
		UUID eventId = UUID.randomUUID();
		outbox.enqueue(eventId, "acme", UUID.randomUUID(), "41:completed", "{}", NOW);
		outbox.claim(eventId.toString(), NOW, NOW.plus(Duration.ofMinutes(1))).orElseThrow();

		Optional<NotificationOutbox.Claimed> whileHeld = outbox.claim(eventId.toString(),
				NOW.plus(Duration.ofSeconds(30)), NOW.plus(Duration.ofMinutes(2)));
		Optional<NotificationOutbox.Claimed> afterLapse = outbox.claim(eventId.toString(),
				NOW.plus(Duration.ofMinutes(2)), NOW.plus(Duration.ofMinutes(3)));

		assertThat(whileHeld).isEmpty();
		assertThat(afterLapse).hasValueSatisfying(event -> assertThat(event.attempt()).isEqualTo(2));
	}

	@Test
	void recordsEachAttemptsOutcomeForItsOwner() {
		UUID eventId = UUID.randomUUID();
		String account = "owner-" + eventId;
		outbox.enqueue(eventId, account, UUID.randomUUID(), "41:completed", "{}", NOW);
		Instant retryAt = NOW.plus(Duration.ofSeconds(30));

		outbox.retryAt(outbox.claim(eventId.toString(), NOW, NOW.plus(Duration.ofMinutes(1))).orElseThrow(), retryAt,
				"HTTP 500");
		Optional<NotificationOutbox.Claimed> early = outbox.claim(eventId.toString(), NOW.plus(Duration.ofSeconds(1)),
				NOW.plus(Duration.ofMinutes(1)));
		WebhookEvent waiting = outbox.recent(account, 1).get(0);
		outbox.delivered(outbox.claim(eventId.toString(), retryAt, retryAt.plus(Duration.ofMinutes(1))).orElseThrow(),
				retryAt);
		WebhookEvent delivered = outbox.recent(account, 1).get(0);

		assertThat(early).as("not due before its retry time").isEmpty();
		assertThat(waiting.state()).isEqualTo("pending");
		assertThat(waiting.lastError()).isEqualTo("HTTP 500");
		assertThat(waiting.nextAttemptAt()).isEqualTo(retryAt);
		assertThat(delivered.state()).isEqualTo("delivered");
		assertThat(delivered.attempts()).isEqualTo(2);
		assertThat(delivered.deliveredAt()).isEqualTo(retryAt);
		assertThat(delivered.lastError()).isNull();
	}

	private <T> List<T> race(Callable<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			futures.add(threads.submit(() -> {
				start.await();
				return task.call();
			}));
		}
		start.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

	private long eventsOf(UUID jobId) {
		return JdbcClient.create(db())
			.sql("select count(*) from notify_events where job_id = :job")
			.param("job", jobId.toString())
			.query(Long.class)
			.single();
	}

}
