package io.leadline.app.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the server does with a job whose process died.
 *
 * @param autoRestart {@code LEADLINE_RECOVERY_AUTO_RESTART}: restart it from its last
 * commit (default), or only mark it failed for its owner to restart
 */
@ConfigurationProperties("leadline.recovery")
public record RecoveryProperties(@DefaultValue("true") boolean autoRestart) {
}
