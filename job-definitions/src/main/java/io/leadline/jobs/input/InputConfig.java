package io.leadline.jobs.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guard rails every list passes, from {@code leadline.input.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputConfig.InputProperties.class)
public class InputConfig {

	@Bean
	InputLimits inputLimits(InputProperties properties) {
		return properties.limits();
	}

	/**
	 * @param maxRows data rows a list may have
	 * @param maxColumns columns a row may have
	 * @param maxCellChars characters one cell may hold
	 * @param maxXlsxUncompressedBytes what an XLSX may inflate to (zip-bomb guard)
	 * @param maxXlsxStylesBytes what the styles part (and any other part but sheets and
	 * shared strings) may inflate to
	 * @param maxXlsxSharedStringsBytes what the shared-strings part may inflate to
	 */
	@ConfigurationProperties("leadline.input")
	public record InputProperties(@DefaultValue("5000000") long maxRows, @DefaultValue("500") int maxColumns,
			@DefaultValue("1000000") int maxCellChars, @DefaultValue("2147483648") long maxXlsxUncompressedBytes,
			@DefaultValue("8388608") long maxXlsxStylesBytes,
			@DefaultValue("67108864") long maxXlsxSharedStringsBytes) {

		public InputLimits limits() {
			return new InputLimits(maxRows, maxColumns, maxCellChars, maxXlsxUncompressedBytes, maxXlsxStylesBytes,
					maxXlsxSharedStringsBytes);
		}

	}

}
