package io.leadline.jobs.credits;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Credits for every job: the ledger and the listener that reserves and settles around each run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CreditsConfig.CreditsProperties.class)
public class CreditsConfig {

  @Bean
  CreditLedger creditLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      CreditsProperties properties) {
    return new CreditLedger(jdbc, new TransactionTemplate(transactionManager), Clock.systemUTC(),
        properties.startingCredits());
  }

  @Bean
  CreditListener creditListener(CreditLedger ledger, CreditsProperties properties) {
    return new CreditListener(ledger, properties.enforceLocal() ? null : properties.localAccount());
  }

  /**
   * @param startingCredits what a new account gets
   * @param localAccount the account CLI runs book to
   * @param enforceLocal refuse CLI runs beyond the local account's balance (off: usage is only recorded)
   */
  @ConfigurationProperties("leadline.credits")
  public record CreditsProperties(@DefaultValue("0") long startingCredits, @DefaultValue("local") String localAccount,
      @DefaultValue("false") boolean enforceLocal) {
  }
}
