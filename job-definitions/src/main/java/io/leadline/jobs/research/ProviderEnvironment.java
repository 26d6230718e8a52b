package io.leadline.jobs.research;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySource;

/**
 * Keeps the provider environment names operators already use working for
 * {@link ProviderSettings}: {@code SERPER_API_KEY} answers for
 * {@code leadline.providers.serper-key}, and so on. The names are looked up when a
 * setting is read, so a value added to the environment later (a test's property) is seen
 * too; a {@code leadline.providers.*} property set anywhere else wins.
 */
public final class ProviderEnvironment implements EnvironmentPostProcessor {

	static final String NAME = "leadlineProviderEnvironmentNames";

	private static final Map<String, String> NAMES = Map.of(ProviderSettings.PREFIX + ".serper-key", "SERPER_API_KEY",
			ProviderSettings.PREFIX + ".groq-key", "GROQ_API_KEY", ProviderSettings.PREFIX + ".serper-url",
			"LEADLINE_SERPER_URL", ProviderSettings.PREFIX + ".groq-url", "LEADLINE_GROQ_URL",
			ProviderSettings.PREFIX + ".groq-model", "LEADLINE_GROQ_MODEL");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		attach(environment);
	}

	/** Adds the names to an environment, last, so every other source wins. */
	public static void attach(ConfigurableEnvironment environment) {
		if (!environment.getPropertySources().contains(NAME)) {
			environment.getPropertySources().addLast(new Names(environment));
		}
	}

	private static final class Names extends PropertySource<Map<String, String>> {

		private final PropertyResolver environment;

		// why: the source is the name map, not the environment: Boot's binder walks into
		// a source that is itself an environment, and this one holds its own
		Names(PropertyResolver environment) {
			super(NAME, NAMES);
			this.environment = environment;
		}

		@Override
		public Object getProperty(String name) {
			String environmentName = getSource().get(name);
			return environmentName == null ? null : environment.getProperty(environmentName);
		}

	}

}
