package io.leadline.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StoragePropertiesTest {

	@Test
	void neverPrintsTheSecretKey() {
		var properties = new StorageProperties(Path.of("data"), new StorageProperties.S3("leadline", "us-east-1",
				URI.create("http://minio:9000"), true, "leadline-app", "s3cr3t-s3cr3t-s3cr3t"));

		assertThat(properties.toString()).contains("leadline-app").doesNotContain("s3cr3t");
	}

}
