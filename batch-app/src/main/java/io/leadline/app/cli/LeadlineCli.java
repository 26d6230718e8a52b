package io.leadline.app.cli;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Runs the operator command named on the command line and keeps its exit code for the
 * JVM.
 */
@Component
@Profile("cli")
class LeadlineCli implements CommandLineRunner, ExitCodeGenerator {

	private final CommandLine.IFactory factory;

	private int exitCode;

	LeadlineCli(ListableBeanFactory beans) {
		this.factory = new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				return beans.getBeanProvider(type).getIfAvailable(() -> createDefault(type));
			}
		};
	}

	private static <K> K createDefault(Class<K> type) {
		try {
			return CommandLine.defaultFactory().create(type);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot create " + type.getName(), e);
		}
	}

	@Override
	public void run(String... args) {
		exitCode = new CommandLine(RootCommand.class, factory).setExecutionExceptionHandler(new OneLineErrors())
			.execute(args);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
