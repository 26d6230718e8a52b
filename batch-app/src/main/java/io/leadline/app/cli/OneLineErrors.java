package io.leadline.app.cli;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import io.leadline.app.jobs.StartRefusedException;
import io.leadline.jobs.input.UnsupportedInputException;

/**
 * Operators get one line, never a stack trace: exit 2 for what they can fix (the file, an
 * option), 1 for everything else, with the details in the log file.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(OneLineErrors.class);

	static final int USAGE = 2;

	static final int FAILURE = 1;

	@Override
	public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
		boolean userError = e instanceof UnsupportedInputException || e instanceof StartRefusedException
				|| e instanceof IllegalArgumentException || e instanceof IllegalStateException
				|| e instanceof NoSuchFileException || e instanceof FileNotFoundException;
		// why: the console shows one line; the log file keeps the whole story
		if (userError) {
			log.info("command refused: {}", e.toString());
		}
		else {
			log.error("command failed", e);
		}
		command.getErr().println("leadline: " + message(e));
		return userError ? USAGE : FAILURE;
	}

	private static String message(Throwable e) {
		if (e instanceof NoSuchFileException missing) {
			return "no such file: " + missing.getFile();
		}
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName()
				: message.lines().findFirst().orElse("");
	}

}
