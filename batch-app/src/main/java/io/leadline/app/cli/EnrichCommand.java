package io.leadline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.ListIntake;
import io.leadline.app.jobs.ListOptions;
import io.leadline.app.jobs.PreparedList;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.ListInspection;
import io.leadline.jobs.input.TableReader;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.research.ServiceContext;

@Command(name = "enrich", mixinStandardHelpOptions = true,
		description = "Enrich one prospect list (CSV or XLSX) and wait for the result.")
class EnrichCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE",
			description = "the prospect list, .csv or .xlsx (detected by content)")
	Path file;

	@Option(names = "--email-column", paramLabel = "COL", description = "column holding the email (default: guessed)")
	String emailColumn;

	@Option(names = "--service", paramLabel = "SERVICE.json",
			description = "your offer: {core_offer, key_differentiator, cta, timeline, goal, fallback_action}; default: a generic B2B offer")
	Path service;

	@Option(names = "--format", paramLabel = "xlsx|csv", description = "result format (default: from --out, else xlsx)")
	String format;

	@Option(names = "--out", paramLabel = "PATH", description = "also copy the result to this file")
	Path out;

	@Option(names = "--columns", split = ",", paramLabel = "COL",
			description = "original columns to keep in the result (default: all)")
	List<String> columns = List.of();

	@Option(names = "--field", paramLabel = "FIELD=COLUMN",
			description = "the column of a prospect field when the guess is wrong, e.g. --field company=Organisation "
					+ "(fields: first_name, last_name, full_name, company, title, website, linkedin, location; "
					+ "an empty column unmaps the field); repeatable")
	List<String> fields = List.of();

	@Option(names = "--mode", paramLabel = "live|batch",
			description = "live (default): row by row now; batch: the model calls through the provider's Batch API "
					+ "at half the token price, answered within hours (see README, Batch mode)")
	String mode = "live";

	private final Engine engine;

	EnrichCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = spec.commandLine().getOut();
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString());
		}
		ServiceContext context = service == null ? null : ServiceContext.fromJson(Files.readString(service));
		ListOptions options = new ListOptions(emailColumn, context, resultFormat(), columns, out, fieldOverrides(),
				modeOption());
		// why: a file that is not a list, or has no email column, is refused before the
		// application and its database start; what kind of file it is needs no settings
		TableReader.sniff(file);
		CliSettings settings = CliSettings.load();
		ListInspection inspection = ListInspection.inspect(file, settings.limits());
		String emailHeader = inspection.headers().originals().get(inspection.emailColumn(emailColumn));
		ProviderSettings providers = settings.providers();
		if (!providers.configured()) {
			spec.commandLine()
				.getErr()
				.println("warning: " + providers.missingReason() + "; every row will get status no_provider");
			spec.commandLine().getErr().flush();
		}
		stdout.printf("%s: %,d rows, email column '%s'%n", file.getFileName(), inspection.dataRows(), emailHeader);
		stdout.flush();
		ListIntake intake = engine.bean(ListIntake.class);
		PreparedList list = intake.prepareLocal(file, options);
		EnrichmentRequest request = list.request();
		stdout.printf("fields: %s%n", describe(request.fields()));
		return engine.bean(JobRunMonitor.class).run(request.jobId(), () -> intake.start(list), stdout);
	}

	private EnrichmentMode modeOption() {
		try {
			return EnrichmentMode.parse(mode);
		}
		catch (IllegalArgumentException e) {
			throw new UnsupportedInputException(e.getMessage());
		}
	}

	private Map<String, String> fieldOverrides() {
		try {
			return FieldMapping.parse(fields);
		}
		catch (IllegalArgumentException e) {
			throw new UnsupportedInputException(e.getMessage());
		}
	}

	private static String describe(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return "none recognised (research from the email alone; name them with --field)";
		}
		return String.join(", ",
				fields.entrySet().stream().map(field -> field.getKey() + "=" + field.getValue()).toList());
	}

	private ResultFormat resultFormat() {
		if (format != null) {
			return ResultFormat.parse(format);
		}
		boolean csvOut = out != null && out.getFileName().toString().toLowerCase().endsWith(".csv");
		return csvOut ? ResultFormat.CSV : ResultFormat.XLSX;
	}

}
