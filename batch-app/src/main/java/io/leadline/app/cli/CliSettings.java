package io.leadline.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import io.leadline.jobs.input.InputConfig.InputProperties;
import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.research.ProviderEnvironment;
import io.leadline.jobs.research.ProviderSettings;

/**
 * The settings {@code enrich} needs before the application starts: the input limits a
 * list is checked against and whether provider keys are set. Bound from the same sources
 * the application reads (system properties, environment variables with today's names, the
 * packaged {@code application.yml}), so a refused file is refused in a fraction of the
 * time and the same way the job would refuse it.
 */
record CliSettings(InputLimits limits, ProviderSettings providers) {

	private static final String[] FILES = { "application-cli.yml", "application.yml" };

	private static volatile CompletableFuture<CliSettings> early;

	/**
	 * Starts reading the settings on the second core while the command line is parsed;
	 * {@link #load()} then takes the result.
	 */
	static void preload() {
		early = CompletableFuture.supplyAsync(CliSettings::read);
	}

	static CliSettings load() {
		CompletableFuture<CliSettings> started = early;
		if (started == null) {
			return read();
		}
		try {
			return started.join();
		}
		catch (CompletionException e) {
			throw (e.getCause() instanceof RuntimeException cause) ? cause : e;
		}
	}

	private static CliSettings read() {
		StandardEnvironment environment = environment();
		ProviderEnvironment.attach(environment);
		Binder binder = Binder.get(environment);
		return new CliSettings(binder.bindOrCreate("leadline.input", InputProperties.class).limits(),
				binder.bindOrCreate(ProviderSettings.PREFIX, ProviderSettings.class));
	}

	/**
	 * The system properties, environment variables and packaged settings files, as the
	 * application reads them before its own post-processing.
	 */
	static StandardEnvironment environment() {
		StandardEnvironment environment = new StandardEnvironment();
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		for (String file : FILES) {
			try {
				yaml.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return environment;
	}

}
