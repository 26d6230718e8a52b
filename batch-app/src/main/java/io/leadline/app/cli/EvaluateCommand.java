package io.leadline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.jobs.enrichment.QualityEvaluation;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.research.ServiceContext;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = "Run the research and opener prompts on an evaluation set against the model of GROQ_API_KEY, "
				+ "LEADLINE_GROQ_URL and LEADLINE_GROQ_MODEL (any OpenAI-compatible endpoint), with recorded searches, "
				+ "and check every answer by rules. Exit code 1 when an answer breaks one.")
class EvaluateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--rows", paramLabel = "ROWS.csv", description = "the evaluation set (default: ${DEFAULT-VALUE})")
	Path rows = Path.of("bench/quality/rows.csv");

	@Option(names = "--searches", paramLabel = "SEARCHES.json",
			description = "recorded Serper results for its people and companies (default: ${DEFAULT-VALUE})")
	Path searches = Path.of("bench/quality/searches.json");

	@Option(names = "--service", paramLabel = "SERVICE.json", description = "your offer (default: a generic B2B offer)")
	Path service;

	@Option(names = "--report", paramLabel = "REPORT.json", description = "also write every answer and verdict here")
	Path report;

	private final Engine engine;

	EvaluateCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		ProviderSettings providers = engine.bean(ProviderSettings.class);
		if (providers.groqKey() == null) {
			throw new IllegalArgumentException("GROQ_API_KEY is not set: the evaluation needs a model to ask");
		}
		ServiceContext context = service == null ? ServiceContext.defaults()
				: ServiceContext.fromJson(Files.readString(service));
		var result = QualityEvaluation.run(rows, searches, providers, context);
		for (var row : result.rows()) {
			out.printf("%3d %-40s %s%n", row.row(), row.email(),
					row.passed() ? "pass" : String.join("; ", row.broken()));
		}
		out.printf("model %s: %d of %d rows pass every rule%n", result.model(), result.passed(), result.rows().size());
		if (report != null) {
			Files.writeString(report, result.toJson());
			out.println("report: " + report.toAbsolutePath());
		}
		return result.passed() == result.rows().size() ? 0 : 1;
	}

}
