package io.leadline.app.cli;

import java.lang.reflect.Constructor;

import org.springframework.boot.logging.LoggingSystem;

import picocli.CommandLine;

/**
 * Runs the operator command named on the command line and returns its exit code. The
 * arguments are parsed, and {@code --help} and usage errors answered, before any part of
 * the application starts; each command starts the {@link Engine} only once its own checks
 * have passed.
 */
public final class LeadlineCli {

	private LeadlineCli() {
	}

	public static int run(String... args) {
		// why: until the application configures logging, nothing may reach the console
		// (a library's debug line would land in the command's output)
		LoggingSystem.get(LeadlineCli.class.getClassLoader()).beforeInitialize();
		if (args.length > 0 && "enrich".equals(args[0])) {
			CliSettings.preload();
		}
		try (Engine engine = new Engine()) {
			return new CommandLine(RootCommand.class, new WithEngine(engine))
				.setExecutionExceptionHandler(new OneLineErrors())
				.execute(args);
		}
	}

	/** Gives each command that takes one the shared {@link Engine}. */
	private record WithEngine(Engine engine) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Engine.class) {
					constructor.setAccessible(true);
					return type.cast(constructor.newInstance(engine));
				}
			}
			return CommandLine.defaultFactory().create(type);
		}

	}

}
