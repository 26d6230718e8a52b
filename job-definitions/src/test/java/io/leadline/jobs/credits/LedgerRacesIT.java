package io.leadline.jobs.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Writers that race for the same job's ledger rows, on both databases: whatever the
 * interleaving, a reservation is closed once and the balance equals the ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerRacesIT {

	static final int RACERS = 20;

	EmbeddedPostgres postgres;

	@BeforeAll
	void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	void stopPostgres() throws Exception {
		postgres.close();
	}

	List<String> databases() {
		return List.of("h2", "postgresql");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aJobSettledAndReleasedAtOnceIsClosedExactlyOnce(String vendor) throws Exception {
		var db = migrated(vendor);
		var ledger = ledgerOn(db);
		ledger.grant("ann", 100, "trial");
		UUID job = UUID.randomUUID();
		ledger.reserve("ann", job, 40);

		race(i -> {
			if (i % 2 == 0) {
				ledger.settle(job, 30);
			}
			else {
				ledger.release(job, "abandoned by its owner");
			}
		});

		assertThat(ledger.jobEntries(job)).extracting(LedgerEntry::kind)
			.containsOnlyOnce(LedgerKind.RESERVE)
			.hasSize(2)
			.containsAnyOf(LedgerKind.SETTLE, LedgerKind.RELEASE);
		assertThat(ledger.account("ann").balance()).isEqualTo(ledger.ledgerSum("ann")).isIn(70L, 100L);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void concurrentReservationsOfOneJobHoldItsCreditsOnce(String vendor) throws Exception {
		var db = migrated(vendor);
		var ledger = ledgerOn(db);
		ledger.grant("bob", 100, "trial");
		UUID job = UUID.randomUUID();

		race(i -> ledger.reserve("bob", job, 40));

		assertThat(ledger.reserved(job)).contains(40L);
		assertThat(ledger.account("bob").balance()).isEqualTo(60).isEqualTo(ledger.ledgerSum("bob"));
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theDatabaseRefusesASecondClosingRowForAJob(String vendor) {
		var db = migrated(vendor);
		var ledger = ledgerOn(db);
		ledger.grant("cy", 10, "trial");
		UUID job = UUID.randomUUID();
		ledger.reserve("cy", job, 10);
		ledger.settle(job, 10);

		// why: as a buggy writer that skipped the checks would; only the constraint
		// stands
		assertThatThrownBy(() -> JdbcClient.create(db).sql("""
				insert into ledger (account_id, delta, kind, reason, job_id, closes_job)
				values ('cy', 10, 'RELEASE', 'again', :job, :job)""").param("job", job.toString()).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	// --- the parts

	DataSource migrated(String vendor) {
		DataSource db = "h2".equals(vendor)
				? new DriverManagerDataSource("jdbc:h2:mem:races-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
				: freshPostgresDatabase();
		Flyway.configure()
			.dataSource(db)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.load()
			.migrate();
		return db;
	}

	DataSource freshPostgresDatabase() {
		String name = "races_" + UUID.randomUUID().toString().replace("-", "");
		JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
		return new DriverManagerDataSource(postgres.getJdbcUrl("postgres", name), "postgres", "");
	}

	static CreditLedger ledgerOn(DataSource db) {
		return new CreditLedger(JdbcClient.create(db), new TransactionTemplate(new DataSourceTransactionManager(db)),
				new CreditsProperties(0L, null), 0);
	}

	interface Racer {

		void run(int index) throws Exception;

	}

	/**
	 * Starts every racer at the same moment and waits for all; any error fails the test.
	 */
	static void race(Racer racer) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> racing = new ArrayList<>();
			for (int i = 0; i < RACERS; i++) {
				int index = i;
				racing.add(pool.submit(() -> {
					go.await();
					racer.run(index);
					return null;
				}));
			}
			go.countDown();
			for (Future<?> done : racing) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
