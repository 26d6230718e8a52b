package io.leadline.jobs.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store: local disk unless another store is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfig {

	@Bean
	@ConditionalOnMissingBean(ObjectStore.class)
	ObjectStore localObjectStore(StorageProperties properties) {
		return new LocalObjectStore(properties.root());
	}
}
