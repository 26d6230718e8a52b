package io.leadline.jobs.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store: an S3-compatible bucket when one is configured, else local disk. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfig {

	@Bean
	ObjectStore objectStore(StorageProperties properties) {
		if (properties.s3().configured()) {
			return new S3ObjectStore(properties.s3().client(), properties.s3().bucket());
		}
		return new LocalObjectStore(properties.root());
	}

}
