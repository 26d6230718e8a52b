package io.leadline.app.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadline.app.api.ApiProperties;

/**
 * In the server, jobs run on a bounded executor, so starting one answers at once (extra
 * jobs wait as {@code queued}). The CLI keeps Batch's synchronous launcher: it has no web
 * application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServerJobExecutor {

	/**
	 * Boot's JobOperator launches on this: the caller's thread only records the
	 * execution.
	 */
	@Bean
	@BatchTaskExecutor
	JobSlots jobExecutor(ApiProperties properties) {
		return new JobSlots(properties.concurrentJobs(), properties.queuedJobs());
	}

}
