package io.leadline.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadline.app.ShippedMigrations;

/**
 * The launcher claims a queued execution while the job thread may already be starting or
 * even finishing it. Every order of the two must leave exactly this process's lease while
 * the job runs, none after, and never an error. Orders are forced with latches: one side
 * is held inside its database write while the other runs.
 */
class ExecutionLeasesTest {

	final DataSource db = migrated();

	final GatedJdbc jdbc = new GatedJdbc(db);

	final ExecutionLeases leases = new ExecutionLeases(jdbc);

	final JobExecution execution = anExecution(42, BatchStatus.STARTING);

	@BeforeEach
	void aQueuedExecutionInTheJobRepository() {
		jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)"
				+ " VALUES (42, 0, 'enrichmentJob', 'k42')");
		jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS)"
				+ " VALUES (42, 0, 42, CURRENT_TIMESTAMP, 'STARTING')");
	}

	@AfterEach
	void close() {
		leases.close();
	}

	@Test
	void aClaimBeforeTheJobStartsIsKeptWhenItStarts() {
		leases.claim(execution);
		leases.beforeJob(started(execution));

		assertThat(leaseCount()).isEqualTo(1);
		assertThat(leases.isHeld(execution)).isTrue();
	}

	@Test
	void aClaimAfterTheJobStartedLeavesItsLeaseAsItIs() {
		leases.beforeJob(started(execution));
		leases.claim(execution);

		assertThat(leaseCount()).isEqualTo(1);
		assertThat(leases.find(42)).get().extracting(ExecutionLease::pid).isEqualTo(ProcessHandle.current().pid());
	}

	@Test
	void theJobStartingWhileTheClaimWritesWaitsForItAndSucceeds() throws Exception {
		jdbc.holdNextWrite();
		var claiming = CompletableFuture.runAsync(() -> leases.claim(execution));
		jdbc.awaitHeldWrite();

		var starting = CompletableFuture.runAsync(() -> leases.beforeJob(started(execution)));
		jdbc.releaseHeldWrite();

		claiming.get(10, TimeUnit.SECONDS);
		starting.get(10, TimeUnit.SECONDS);
		assertThat(leaseCount()).isEqualTo(1);
	}

	@Test
	void aClaimWhileTheJobWritesItsLeaseWaitsForItAndSucceeds() throws Exception {
		jdbc.holdNextWrite();
		var starting = CompletableFuture.runAsync(() -> leases.beforeJob(started(execution)));
		jdbc.awaitHeldWrite();

		var claiming = CompletableFuture.runAsync(() -> leases.claim(execution));
		jdbc.releaseHeldWrite();

		starting.get(10, TimeUnit.SECONDS);
		claiming.get(10, TimeUnit.SECONDS);
		assertThat(leaseCount()).isEqualTo(1);
	}

	@Test
	void aJobThatEndedBeforeTheLauncherClaimedItLeavesNoLease() {
		JobExecution queuedSnapshot = anExecution(42, BatchStatus.STARTING);
		leases.beforeJob(started(execution));
		leases.afterJob(ended(execution));

		leases.claim(queuedSnapshot);

		assertThat(leaseCount()).isZero();
	}

	@Test
	void aClaimedJobGivesItsLeaseBackWhenItEnds() {
		leases.claim(execution);
		leases.beforeJob(started(execution));
		leases.afterJob(ended(execution));

		assertThat(leaseCount()).isZero();
	}

	@Test
	void aLeaseTakenOverFromADeadProcessBecomesThisProcesss() {
		aStaleLeaseOfADeadProcess();

		leases.beforeJob(started(execution));

		assertThat(leases.find(42)).get().extracting(ExecutionLease::pid).isEqualTo(ProcessHandle.current().pid());
	}

	@Test
	void ofTwoProcessesRecoveringOneOrphanOnlyOneTakesItsStaleLease() throws Exception {
		aStaleLeaseOfADeadProcess();
		var otherProcess = new ExecutionLeases(jdbc);
		var seen = leases.find(42);

		var both = bothAtOnce(() -> leases.takeOver(execution, seen), () -> otherProcess.takeOver(execution, seen));

		assertThat(both).containsExactlyInAnyOrder(true, false);
		otherProcess.close();
	}

	@Test
	void ofTwoProcessesRecoveringAQueuedOrphanWithoutLeaseOnlyOneTakesIt() throws Exception {
		var otherProcess = new ExecutionLeases(jdbc);

		var both = bothAtOnce(() -> leases.takeOver(execution, Optional.empty()),
				() -> otherProcess.takeOver(execution, Optional.empty()));

		assertThat(both).containsExactlyInAnyOrder(true, false);
		otherProcess.close();
	}

	@Test
	void anExecutionAlreadyRecoveredIsNotTakenOverAgain() {
		aStaleLeaseOfADeadProcess();
		var seen = leases.find(42);
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', END_TIME = CURRENT_TIMESTAMP"
				+ " WHERE JOB_EXECUTION_ID = 42");

		assertThat(leases.takeOver(execution, seen)).isFalse();
	}

	// --- the parts

	void aStaleLeaseOfADeadProcess() {
		jdbc.update("INSERT INTO job_leases (job_execution_id, host, pid, heartbeat_at) VALUES (42, 'gone', 1, ?)",
				Timestamp.valueOf("2020-01-01 00:00:00"));
	}

	/** Both calls released by one latch; their answers in the order given. */
	static List<Boolean> bothAtOnce(Callable<Boolean> one, Callable<Boolean> other) throws Exception {
		var go = new CountDownLatch(1);
		var first = CompletableFuture.supplyAsync(() -> afterLatch(go, one));
		var second = CompletableFuture.supplyAsync(() -> afterLatch(go, other));
		go.countDown();
		return List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
	}

	static Boolean afterLatch(CountDownLatch go, Callable<Boolean> call) {
		try {
			go.await();
			return call.call();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	int leaseCount() {
		return jdbc.queryForObject("SELECT count(*) FROM job_leases WHERE job_execution_id = 42", Integer.class);
	}

	static JobExecution anExecution(long id, BatchStatus status) {
		var execution = new JobExecution(id, new JobInstance(id, "enrichmentJob"), new JobParameters());
		execution.setStatus(status);
		return execution;
	}

	static JobExecution started(JobExecution execution) {
		execution.setStatus(BatchStatus.STARTED);
		return execution;
	}

	static JobExecution ended(JobExecution execution) {
		execution.setStatus(BatchStatus.COMPLETED);
		return execution;
	}

	static DataSource migrated() {
		return ShippedMigrations.freshDatabase("leases");
	}

	/**
	 * Holds the next statement that writes a lease row on its way to the database until
	 * released.
	 */
	static final class GatedJdbc extends JdbcTemplate {

		private volatile boolean armed;

		private volatile CountDownLatch arrived;

		private volatile CountDownLatch release;

		GatedJdbc(DataSource db) {
			super(db);
		}

		void holdNextWrite() {
			arrived = new CountDownLatch(1);
			release = new CountDownLatch(1);
			armed = true;
		}

		void awaitHeldWrite() throws InterruptedException {
			assertThat(arrived.await(10, TimeUnit.SECONDS)).as("a write reached the gate").isTrue();
		}

		void releaseHeldWrite() {
			release.countDown();
		}

		@Override
		public int update(String sql, Object... args) {
			if (armed && writesALease(sql)) {
				armed = false;
				arrived.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			return super.update(sql, args);
		}

		private static boolean writesALease(String sql) {
			return sql.contains("job_leases") && (sql.startsWith("INSERT") || sql.startsWith("MERGE"));
		}

	}

}
