package io.leadline.jobs.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where objects live.
 *
 * @param root directory of the local object store (the embedded default)
 */
@Validated
@ConfigurationProperties("leadline.storage")
public record StorageProperties(@DefaultValue("./data/objects") Path root) {
}
