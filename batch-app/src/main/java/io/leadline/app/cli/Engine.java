package io.leadline.app.cli;

import org.springframework.beans.BeansException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import io.leadline.app.CommandsApplication;

/**
 * The application behind the operator commands, started the first time a command asks for
 * one of its parts. {@code --help}, argument errors and a refused file never start it; a
 * command that does gets only the beans it asks for and what they need (the context is
 * lazy), so {@code jobs} opens the database but builds no provider client, job or
 * scheduler.
 */
final class Engine implements AutoCloseable {

	private ConfigurableApplicationContext context;

	/** The application's bean of this type, starting the application if need be. */
	<T> T bean(Class<T> type) {
		try {
			return context().getBean(type);
		}
		catch (BeansException e) {
			throw new CannotStartException(e);
		}
	}

	private ConfigurableApplicationContext context() {
		if (context == null) {
			try {
				context = CommandsApplication.create().run();
			}
			catch (RuntimeException e) {
				throw new CannotStartException(e);
			}
		}
		return context;
	}

	@Override
	public void close() {
		if (context != null) {
			context.close();
		}
	}

	/** The application did not come up: a setting, the database, the store. */
	static final class CannotStartException extends RuntimeException {

		CannotStartException(RuntimeException e) {
			super("cannot start: " + firstLine(NestedExceptionUtils.getMostSpecificCause(e).getMessage()), e);
		}

		private static String firstLine(String message) {
			return message == null ? "" : message.lines().findFirst().orElse("");
		}

	}

}
