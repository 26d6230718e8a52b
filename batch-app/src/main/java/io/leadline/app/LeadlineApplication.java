package io.leadline.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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
		System.exit(SpringApplication.exit(app.run(args)));
	}
}
