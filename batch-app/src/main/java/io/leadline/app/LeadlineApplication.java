package io.leadline.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.NestedExceptionUtils;

/**
 * Leadline's one entry point. Operator commands ({@code enrich}, {@code jobs}, {@code restart})
 * start a context without a web server, run, and exit with the command's code.
 */
@SpringBootApplication(scanBasePackages = { "io.leadline.app", "io.leadline.jobs" })
public class LeadlineApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(LeadlineApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("cli");
		// why: command arguments are the CLI's, not Spring properties (--out must not become a setting)
		app.setAddCommandLineProperties(false);
		int exitCode;
		try {
			exitCode = SpringApplication.exit(app.run(args));
		}
		catch (RuntimeException e) {
			// why: the console log is off for commands, so a failed start would otherwise be silent
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
			System.err.println("leadline: cannot start: " + cause.getMessage().lines().findFirst().orElse(""));
			exitCode = 1;
		}
		System.exit(exitCode);
	}
}
