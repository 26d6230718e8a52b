package io.leadline.jobs.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadline.jobs.credits.LedgerEntry.Kind;

class CreditLedgerTest {

  CreditLedger ledger;

  @BeforeEach
  void freshDatabase() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:credits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .load().migrate();
    ledger = new CreditLedger(new JdbcTemplate(dataSource),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(), 0);
  }

  @Test
  void reservesOncePerJobHoweverOftenItRestarts() {
    ledger.grant("ann", 100, "welcome");
    UUID job = UUID.randomUUID();

    ledger.reserve("ann", job, 30);
    ledger.reserve("ann", job, 30);
    ledger.reserve("ann", job, 30);

    assertThat(ledger.balance("ann")).isEqualTo(70);
    assertThat(ledger.entries("ann", 10)).extracting(LedgerEntry::kind).containsExactly(Kind.RESERVE, Kind.GRANT);
  }

  @Test
  void refusesAnAccountShortOfCreditsAndRecordsNothing() {
    ledger.grant("ann", 10, "welcome");

    assertThatThrownBy(() -> ledger.reserve("ann", UUID.randomUUID(), 11))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessage("insufficient credits: account ann has 10, the job needs 11");

    assertThat(ledger.balance("ann")).isEqualTo(10);
    assertThat(ledger.entries("ann", 10)).extracting(LedgerEntry::kind).containsExactly(Kind.GRANT);
  }

  @Test
  void settlesOnceChargingOnlyOkRows() {
    ledger.grant("ann", 100, "welcome");
    UUID job = UUID.randomUUID();
    ledger.reserve("ann", job, 50);

    ledger.settle(job, 42);
    ledger.settle(job, 42);

    assertThat(ledger.balance("ann")).isEqualTo(58);
    assertThat(ledger.entry(job, Kind.SETTLE)).get().extracting(LedgerEntry::delta).isEqualTo(8L);
  }

  @Test
  void releasesAnAbandonedJobsReservationButNeverASettledOne() {
    ledger.grant("ann", 100, "welcome");
    UUID abandoned = UUID.randomUUID();
    UUID settled = UUID.randomUUID();
    ledger.reserve("ann", abandoned, 40);
    ledger.reserve("ann", settled, 20);
    ledger.settle(settled, 20);

    ledger.release(abandoned, "abandoned");
    ledger.release(settled, "abandoned");

    assertThat(ledger.balance("ann")).isEqualTo(80);
  }

  @Test
  void recordsButNeverRefusesUsageOnAnUnenforcedAccount() {
    ledger.ensureUnenforcedAccount("local");
    UUID job = UUID.randomUUID();

    ledger.reserve("local", job, 1_000);
    ledger.settle(job, 900);

    assertThat(ledger.balance("local")).isEqualTo(-900);
    assertThat(ledger.ledgerSum("local")).isEqualTo(-900);
  }

  @Test
  void neverOverdrawsUnderTwentyConcurrentJobStarts() throws Exception {
    ledger.grant("ann", 100, "welcome");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Callable<Boolean>> starts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      starts.add(() -> {
        try {
          ledger.reserve("ann", UUID.randomUUID(), 10);
          return true;
        } catch (InsufficientCreditsException refused) {
          return false;
        }
      });
    }

    long started = 0;
    for (Future<Boolean> start : pool.invokeAll(starts)) {
      started += start.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(started).isEqualTo(10);
    assertThat(ledger.balance("ann")).isZero();
    assertThat(ledger.ledgerSum("ann")).isEqualTo(ledger.balance("ann"));
  }
}
