package io.leadline.jobs.credits;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger and the rows an account already paid for; the enrichment job books against
 * the ledger itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CreditsProperties.class)
public class CreditsConfig {

	@Bean
	CreditLedger creditLedger(DataSource dataSource, PlatformTransactionManager transactionManager,
			CreditsProperties properties, ObjectProvider<StartingCredits> applicationDefault) {
		long starting = properties.startingCredits() != null ? properties.startingCredits()
				: applicationDefault.getIfAvailable(() -> StartingCredits.NONE).credits();
		return new CreditLedger(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), properties,
				starting);
	}

	@Bean
	ResearchedRows researchedRows(DataSource dataSource) {
		return new ResearchedRows(JdbcClient.create(dataSource));
	}

}
