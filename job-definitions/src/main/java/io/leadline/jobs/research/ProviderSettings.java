package io.leadline.jobs.research;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Function;

/**
 * Provider endpoints, keys, model and timeouts. A null or blank key means "not
 * configured": the job then marks rows {@code no_provider} with {@link #missingReason()}
 * instead of calling out. {@link #toString()} masks the keys.
 */
public record ProviderSettings(String serperUrl, String serperKey, String groqUrl, String groqKey, String groqModel,
		double temperature, Duration connectTimeout, Duration readTimeout) {

	public static final String DEFAULT_SERPER_URL = "https://google.serper.dev";

	public static final String DEFAULT_GROQ_URL = "https://api.groq.com/openai/v1";

	public static final String DEFAULT_GROQ_MODEL = "openai/gpt-oss-120b";

	public static final double DEFAULT_TEMPERATURE = 0.6;

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * why: a reasoning model on a busy account can take tens of seconds before the first
	 * byte.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

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

	/**
	 * Reads {@code SERPER_API_KEY}, {@code GROQ_API_KEY}, {@code LEADLINE_SERPER_URL}
	 * (default {@value #DEFAULT_SERPER_URL}), {@code LEADLINE_GROQ_URL} (default
	 * {@value #DEFAULT_GROQ_URL}) and {@code LEADLINE_GROQ_MODEL} (default
	 * {@value #DEFAULT_GROQ_MODEL}); temperature 0.6, timeouts 10s connect / 60s read.
	 * Pass {@code System::getenv}, or a map's {@code get} in tests.
	 */
	public static ProviderSettings fromEnvironment(Function<String, String> env) {
		return new ProviderSettings(orDefault(env.apply("LEADLINE_SERPER_URL"), DEFAULT_SERPER_URL),
				env.apply("SERPER_API_KEY"), orDefault(env.apply("LEADLINE_GROQ_URL"), DEFAULT_GROQ_URL),
				env.apply("GROQ_API_KEY"), orDefault(env.apply("LEADLINE_GROQ_MODEL"), DEFAULT_GROQ_MODEL),
				DEFAULT_TEMPERATURE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
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

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	private static void requirePositive(String name, Duration duration) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}
}
