package io.leadline.app;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.leadline.app.cli.LeadlineCli;

/**
 * Leadline's one entry point. {@code serve} starts the REST API (a servlet web
 * application that runs until stopped); operator commands ({@code enrich}, {@code jobs},
 * {@code restart}, {@code token}) are parsed first and start the application only when
 * they need it, without a web server, then exit with the command's code.
 */
@SpringBootApplication(scanBasePackages = { "io.leadline.app", "io.leadline.jobs" })
public class LeadlineApplication {

	static final String SERVE = "serve";

	public static void main(String[] args) {
		if (args.length > 0 && SERVE.equals(args[0])) {
			serve(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		System.exit(LeadlineCli.run(args));
	}

	/**
	 * Arguments after {@code serve} are Spring properties, e.g.
	 * {@code --server.port=9090}.
	 */
	private static void serve(String[] args) {
		SpringApplication app = new SpringApplication(LeadlineApplication.class);
		app.setWebApplicationType(WebApplicationType.SERVLET);
		app.setAdditionalProfiles(SERVE);
		if ("true".equalsIgnoreCase(System.getenv("LEADLINE_LOG_JSON"))) {
			// why: one JSON object per line (Elastic Common Schema) for log shippers;
			// Boot writes it natively
			app.setDefaultProperties(java.util.Map.of("logging.structured.format.console", "ecs",
					"logging.structured.format.file", "ecs"));
		}
		app.run(args);
	}

}
