package io.leadline.jobs.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The free plan's starting credits go once per email, and a failed job's credits come
 * back at once and are reserved again by its restart (H2, the migrated schema).
 */
class StartingCreditsIT {

	CreditLedger ledger;

	@BeforeEach
	void freshDatabase() {
		DataSource db = new DriverManagerDataSource("jdbc:h2:mem:starting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure()
			.dataSource(db)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		ledger = new CreditLedger(JdbcClient.create(db), new TransactionTemplate(new DataSourceTransactionManager(db)),
				new CreditsProperties(null, null), 25);
	}

	@Test
	void givesTheStartingCreditsOncePerEmailWhateverAccountsItOpens() {
		var first = ledger.account("ann-1", "Ann@Example.com");
		var second = ledger.account("ann-2", "ann@example.com ");
		var unnamed = ledger.account("bob", null);

		assertThat(first.balance()).isEqualTo(25);
		assertThat(second.balance()).isZero();
		assertThat(second.email()).isEqualTo("ann@example.com");
		assertThat(unnamed.balance()).isEqualTo(25);
		assertThat(ledger.ledgerSum("ann-2")).isZero();
	}

	@Test
	void theLocalAccountGetsNoStartingCredits() {
		assertThat(ledger.account(CreditLedger.LOCAL_ACCOUNT).balance()).isZero();
	}

	@Test
	void aFailedRunGivesBackWhatItDidNotDoAndItsRestartReservesItAgain() {
		ledger.account("cid", "cid@example.com");
		UUID job = UUID.randomUUID();
		ledger.reserve("cid", job, 20);

		ledger.returnUnused(job, 4, "run failed");
		ledger.returnUnused(job, 4, "run failed");

		assertThat(ledger.account("cid").balance()).isEqualTo(25 - 4);
		assertThat(ledger.reserved(job)).contains(4L);
		assertThatThrownBy(() -> ledger.reserve("cid", job, 50)).isInstanceOf(InsufficientCreditsException.class);

		assertThat(ledger.reserve("cid", job, 20)).isTrue();
		assertThat(ledger.reserve("cid", job, 20)).as("open again: a no-op").isFalse();
		assertThat(ledger.account("cid").balance()).isEqualTo(5);
		ledger.settle(job, 18, 2);

		assertThat(ledger.account("cid").balance()).isEqualTo(7).isEqualTo(ledger.ledgerSum("cid"));
		assertThat(ledger.jobEntries(job)).extracting(LedgerEntry::kind)
			.containsExactly(LedgerKind.RESERVE, LedgerKind.RETURN, LedgerKind.RESERVE, LedgerKind.SETTLE);
		assertThat(ledger.jobEntries(job).get(3).reason()).contains("2 rows reused");
		assertThat(ledger.reserve("cid", job, 20)).as("settled: closed for good").isFalse();
	}

}
