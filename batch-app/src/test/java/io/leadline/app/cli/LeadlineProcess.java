package io.leadline.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged app jar as operators do, in its own JVM, and captures what it
 * printed. The jar exists because failsafe runs after {@code package}.
 */
public record LeadlineProcess(Path dataDir, Map<String, String> environment) {

	static final Path JAR = Path.of("target", "leadline.jar");

	/**
	 * Only a guard against a process that hangs: a command's speed is measured in
	 * {@code bench/}, and on a loaded machine a JVM can take minutes to get going.
	 */
	public static final Duration HANG_GUARD = Duration.ofMinutes(10);

	record Outcome(int exitCode, String out, String err) {
	}

	/** A running app process and where its output goes. */
	public record Running(Process process, Path out, Path err) {

		Outcome await(String... args) throws IOException, InterruptedException {
			if (!process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"leadline " + String.join(" ", args) + " hung: no exit in " + HANG_GUARD);
			}
			return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
	}

	Outcome run(String... args) throws IOException, InterruptedException {
		return start(args).await(args);
	}

	public Running start(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m",
				// why: an app out of memory ends at once and says so, instead of limping
				// on
				"-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		// why: a developer's real keys must never reach a test
		builder.environment().remove("SERPER_API_KEY");
		builder.environment().remove("GROQ_API_KEY");
		builder.environment().put("LEADLINE_DATA_DIR", dataDir.toString());
		builder.environment().putAll(environment);
		Path out = Files.createTempFile(dataDir.getParent(), "out", ".txt");
		Path err = Files.createTempFile(dataDir.getParent(), "err", ".txt");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile());
		return new Running(builder.start(), out, err);
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
