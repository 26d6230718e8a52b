package io.leadline.app.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The server's schedules are on; the CLI runs none. Each schedule lives with its feature
 * ({@link NightlySchedule}, {@link RetentionSweep}, the jobs' orphan recovery).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableScheduling
class ServerSchedules {

}
