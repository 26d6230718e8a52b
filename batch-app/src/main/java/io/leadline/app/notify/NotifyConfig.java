package io.leadline.app.notify;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Job-ended webhooks: who may be called, how, and the schedule that sends. Events are
 * queued by every process that runs jobs (the CLI too); only the server sends them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfig {

	@Bean
	WebhookUrlPolicy webhookUrlPolicy(NotifyProperties properties) {
		return WebhookUrlPolicy.of(properties);
	}

	@Bean
	WebhookDelivery webhookDelivery(NotificationOutbox outbox, WebhookUrlPolicy policy, NotifyProperties properties) {
		return new WebhookDelivery(outbox, policy, WebhookDelivery.client(policy, properties), properties,
				Clock.systemUTC());
	}

	/**
	 * Sends due events every {@code leadline.notify.poll-interval} while the server runs
	 * (scheduling is on in the servlet application only, see {@code ServerSchedules}); a
	 * CLI run queues its events for the server to send.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SchedulingConfigurer webhookSchedule(WebhookDelivery delivery, NotifyProperties properties) {
		return registrar -> registrar.addFixedDelayTask(delivery::deliverDue, properties.pollInterval());
	}

}
