package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.leadline.jobs.input.EmailAddress;
import io.leadline.jobs.input.EmailColumn;
import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;
import io.leadline.jobs.input.ProspectField;
import io.leadline.jobs.input.SourceRecord;
import io.leadline.jobs.input.TableHandler;
import io.leadline.jobs.input.TableReader;
import io.leadline.jobs.research.AnswerRules;
import io.leadline.jobs.research.GroqClient;
import io.leadline.jobs.research.ProspectResearcher;
import io.leadline.jobs.research.ProviderHttp;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.research.SerperClient;
import io.leadline.jobs.research.ServiceContext;

/**
 * Runs the research and opener prompts on an evaluation set against the model the
 * settings name (any OpenAI-compatible endpoint) and checks each answer by
 * {@link AnswerRules}. Searches are not made: they are replayed from a recording
 * ({@code {"people": {"Full Name": serper response}, "companies": {"domain": serper
 * response}}}), so every model sees the same findings.
 *
 * <pre>{@code
 * var report = QualityEvaluation.run(Path.of("bench/quality/rows.csv"), Path.of("bench/quality/searches.json"),
 *     ProviderSettings.fromEnvironment(System::getenv), ServiceContext.defaults());
 * }</pre>
 */
public final class QualityEvaluation {

	/** One row's answers and the rules they broke (none when it passed). */
	public record RowResult(long row, String email, String status, String reason, String research, String opener,
			List<String> broken) {

		public boolean passed() {
			return broken.isEmpty();
		}
	}

	/** Every row's result, in input order. */
	public record Report(String model, List<RowResult> rows) {

		public long passed() {
			return rows.stream().filter(RowResult::passed).count();
		}

		public String toJson() {
			var root = JsonMapper.shared().createObjectNode();
			root.put("model", model).put("rows", rows.size()).put("passed", passed());
			var list = root.putArray("results");
			rows.forEach(row -> list.add(JsonMapper.shared().valueToTree(row)));
			return root.toPrettyString();
		}
	}

	private static final int PARALLEL_ROWS = 4;

	private QualityEvaluation() {
	}

	public static Report run(Path rowsCsv, Path searchesJson, ProviderSettings model, ServiceContext service)
			throws IOException, InterruptedException {
		var table = Table.read(rowsCsv);
		var recorded = JsonMapper.shared().readTree(Files.readString(searchesJson));
		// why: the recording stands in for Serper; the model is whatever the settings
		// name
		var settings = new ProviderSettings("http://recorded-searches.invalid", "recorded", model.groqUrl(),
				model.groqKey(), model.groqModel(), model.temperature(), model.connectTimeout(), model.readTimeout());
		var http = ProviderHttp.client(settings).newBuilder().addInterceptor(new Replay(recorded)).build();
		var fields = FieldMapping.recognize(table.headers, table.emailColumn);
		var prospects = new RowProspect(fields);
		var companies = new LinkedHashSet<String>();
		table.rows.forEach(cells -> companies.add(fields.value(ProspectField.COMPANY, cells)));
		var pool = Executors.newFixedThreadPool(PARALLEL_ROWS);
		try (var researcher = new ProspectResearcher(new SerperClient(http, settings),
				new GroqClient(http, settings))) {
			var jobs = new ArrayList<Callable<RowResult>>();
			for (int i = 0; i < table.rows.size(); i++) {
				long row = i + 1;
				var cells = table.rows.get(i);
				jobs.add(() -> evaluate(row, cells, table.emailColumn, prospects, researcher, service, fields,
						companies));
			}
			var results = new ArrayList<RowResult>();
			for (Future<RowResult> future : pool.invokeAll(jobs)) {
				results.add(future.get());
			}
			return new Report(model.groqModel(), results);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("evaluation failed: " + e.getCause().getMessage(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static RowResult evaluate(long row, List<String> cells, int emailColumn, RowProspect prospects,
			ProspectResearcher researcher, ServiceContext service, FieldMapping fields,
			LinkedHashSet<String> companies) {
		var email = EmailAddress.clean(cells.get(emailColumn)).orElseThrow();
		var result = researcher.research(prospects.of(email, cells), service, "evaluation");
		var own = fields.value(ProspectField.COMPANY, cells);
		var others = companies.stream().filter(company -> !company.equalsIgnoreCase(own)).toList();
		var broken = new ArrayList<String>();
		if (!result.isOk()) {
			broken.add("row failed: " + result.reason());
		}
		broken.addAll(AnswerRules.broken(result.researchJson(), result.opener(), others));
		return new RowResult(row, email, result.status().name().toLowerCase(Locale.ROOT), result.reason(),
				result.researchJson(), result.opener(), List.copyOf(new LinkedHashSet<>(broken)));
	}

	/** Serper answered from the recording: the person or company the query names. */
	private record Replay(JsonNode recorded) implements Interceptor {

		private static final MediaType JSON = MediaType.get("application/json");

		@Override
		public Response intercept(Chain chain) throws IOException {
			var request = chain.request();
			if (!request.url().host().equals("recorded-searches.invalid")) {
				return chain.proceed(request);
			}
			var buffer = new okio.Buffer();
			request.body().writeTo(buffer);
			var query = JsonMapper.shared().readTree(buffer.readUtf8()).path("q").asString("");
			var body = JsonMapper.shared().writeValueAsString(answer(query));
			return new Response.Builder().request(request)
				.protocol(Protocol.HTTP_1_1)
				.code(200)
				.message("OK")
				.body(ResponseBody.create(body, JSON))
				.build();
		}

		private ObjectNode answer(String query) {
			var lower = query.toLowerCase(Locale.ROOT);
			for (var person : recorded.path("people").properties()) {
				if (lower.contains(person.getKey().toLowerCase(Locale.ROOT))) {
					return withQuery(person.getValue(), query);
				}
			}
			for (var company : recorded.path("companies").properties()) {
				if (lower.contains(company.getKey())) {
					return withQuery(company.getValue(), query);
				}
			}
			var empty = JsonMapper.shared().createObjectNode();
			empty.putObject("searchParameters").put("q", query);
			empty.putArray("organic");
			return empty;
		}

		private static ObjectNode withQuery(JsonNode response, String query) {
			var copy = (ObjectNode) response.deepCopy();
			((ObjectNode) copy.path("searchParameters")).put("q", query);
			return copy;
		}

	}

	/** The evaluation set's rows, header apart. */
	private static final class Table implements TableHandler {

		private Headers headers;

		private int emailColumn;

		private final List<List<String>> rows = new ArrayList<>();

		static Table read(Path csv) throws IOException {
			var table = new Table();
			TableReader.read(csv, table);
			return table;
		}

		@Override
		public void header(List<String> names) {
			headers = Headers.of(names);
			emailColumn = EmailColumn.resolve(headers, null);
		}

		@Override
		public void row(SourceRecord record) {
			if (!record.isBlank() && !record.hasError()) {
				rows.add(record.cells());
			}
		}

	}

}
