package io.leadline.app.billing;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.StartingCredits;

/** Stripe billing: the catalog, sessions, the webhook and what accounts see of them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfig {

	@Bean
	Catalog catalog(BillingProperties properties) {
		return Catalog.of(properties);
	}

	@Bean
	Subscriptions subscriptions(DataSource dataSource) {
		return new Subscriptions(JdbcClient.create(dataSource));
	}

	@Bean
	Billing billing(BillingProperties properties, Catalog catalog, Subscriptions subscriptions, CreditLedger ledger) {
		return new Billing(properties, catalog, subscriptions, new StripeSessions(properties), ledger);
	}

	@Bean
	StripeWebhook stripeWebhook(BillingProperties properties, Catalog catalog, Subscriptions subscriptions,
			DataSource dataSource, CreditLedger ledger, PlatformTransactionManager transactionManager) {
		return new StripeWebhook(properties, catalog, subscriptions, new StripeEvents(JdbcClient.create(dataSource)),
				ledger, new TransactionTemplate(transactionManager));
	}

	/** The free plan: new accounts get these credits while billing is on. */
	@Bean
	StartingCredits billingStartingCredits(BillingProperties properties) {
		return new StartingCredits(properties.enabled() ? properties.freePlanCredits() : 0);
	}

}
