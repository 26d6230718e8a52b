package io.leadline.jobs.research;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider endpoints, keys, model and timeouts, from {@code leadline.providers.*}; the
 * environment names operators already use ({@code SERPER_API_KEY}, {@code GROQ_API_KEY},
 * {@code LEADLINE_SERPER_URL}, {@code LEADLINE_GROQ_URL}, {@code LEADLINE_GROQ_MODEL})
 * keep working through {@link ProviderEnvironment}. A null or blank key means "not
 * configured": the job then marks rows {@code no_provider} with {@link #missingReason()}
 * instead of calling out. The compact constructor validates, so a bad setting fails the
 * start naming the setting. {@link #toString()} masks the keys.
 *
 * @param serperUrl Serper endpoint
 * @param serperKey Serper API key
 * @param groqUrl any OpenAI-compatible chat completions endpoint
 * @param groqKey its API key
 * @param groqModel model for research and openers
 * @param temperature sampling temperature, 0 to 2
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the first byte of an answer (60 s: a reasoning
 * model on a busy account can take tens of seconds before its first byte)
 */
@ConfigurationProperties(ProviderSettings.PREFIX)
public record ProviderSettings(@DefaultValue(DEFAULT_SERPER_URL) String serperUrl, String serperKey,
		@DefaultValue(DEFAULT_GROQ_URL) String groqUrl, String groqKey,
		@DefaultValue(DEFAULT_GROQ_MODEL) String groqModel, @DefaultValue("0.6") double temperature,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout) {

	public static final String PREFIX = "leadline.providers";

	public static final String DEFAULT_SERPER_URL = "https://google.serper.dev";

	public static final String DEFAULT_GROQ_URL = "https://api.groq.com/openai/v1";

	public static final String DEFAULT_GROQ_MODEL = "openai/gpt-oss-120b";

	public ProviderSettings {
		serperUrl = withoutTrailingSlash(required("serperUrl", serperUrl));
		groqUrl = withoutTrailingSlash(required("groqUrl", groqUrl));
		groqModel = required("groqModel", groqModel);
		serperKey = blankToNull(serperKey);
		groqKey = blankToNull(groqKey);
		if (Double.isNaN(temperature) || temperature < 0 || temperature > 2) {
			throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
		}
		requirePositive("connectTimeout", connectTimeout);
		requirePositive("readTimeout", readTimeout);
	}

	/** Both keys are present. */
	public boolean configured() {
		return serperKey != null && groqKey != null;
	}

	/**
	 * Why the providers cannot be used, e.g. "no provider: GROQ_API_KEY is not set"; null
	 * when configured.
	 */
	public String missingReason() {
		var missing = new ArrayList<String>();
		if (serperKey == null) {
			missing.add("SERPER_API_KEY");
		}
		if (groqKey == null) {
			missing.add("GROQ_API_KEY");
		}
		return switch (missing.size()) {
			case 0 -> null;
			case 1 -> "no provider: " + missing.get(0) + " is not set";
			default -> "no provider: " + String.join(" and ", missing) + " are not set";
		};
	}

	@Override
	public String toString() {
		return "ProviderSettings[serperUrl=%s, serperKey=%s, groqUrl=%s, groqKey=%s, groqModel=%s, temperature=%s, connectTimeout=%s, readTimeout=%s]"
			.formatted(serperUrl, mask(serperKey), groqUrl, mask(groqKey), groqModel, temperature, connectTimeout,
					readTimeout);
	}

	private static String mask(String key) {
		return key == null ? "<not set>" : "****";
	}

	private static String required(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value.strip();
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static String blankToNull(String key) {
		return key == null || key.isBlank() ? null : key.strip();
	}

	private static void requirePositive(String name, Duration duration) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}
}
