package io.leadline.jobs.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guard rails every list passes, from {@code leadline.input.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputConfig.InputProperties.class)
class InputConfig {

	@Bean
	InputLimits inputLimits(InputProperties properties) {
		return new InputLimits(properties.maxRows(), properties.maxColumns(), properties.maxCellChars(),
				properties.maxXlsxUncompressedBytes());
	}

	/**
	 * @param maxRows data rows a list may have
	 * @param maxColumns columns a row may have
	 * @param maxCellChars characters one cell may hold
	 * @param maxXlsxUncompressedBytes what an XLSX may inflate to (zip-bomb guard)
	 */
	@ConfigurationProperties("leadline.input")
	public record InputProperties(@DefaultValue("5000000") long maxRows, @DefaultValue("500") int maxColumns,
			@DefaultValue("1000000") int maxCellChars, @DefaultValue("2147483648") long maxXlsxUncompressedBytes) {
	}

}
