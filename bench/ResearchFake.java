import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serper and Groq for the research benchmarks, on 127.0.0.1 only, speaking their real wire formats.
 * Serper answers from hand-written response fixtures (bench/fixtures/serper, 10 organic results
 * each) filled with the person or company the query names; Groq answers from what the prompt says
 * and reports usage the way the real API does: prompt tokens counted from the text it received,
 * completion tokens from the text it returns (an o200k-like approximation, the same for every
 * pipeline it serves).
 *
 *   java bench/ResearchFake.java list ROWS CONTACTS_PER_COMPANY OUT.csv   # writes the bench list
 *   java bench/ResearchFake.java serve PORT LIST.csv FIXTURES_DIR          # serves until killed
 *
 * GET /stats: {"serperCalls":..,"groqCalls":..,"promptTokens":..,"completionTokens":..}; GET /reset.
 */
public class ResearchFake {

	private static final Pattern PIECE = Pattern.compile(" ?\\p{L}+| ?\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+|\\s+");

	static final AtomicLong serperCalls = new AtomicLong();

	static final AtomicLong groqCalls = new AtomicLong();

	static final AtomicLong promptTokens = new AtomicLong();

	static final AtomicLong completionTokens = new AtomicLong();

	static final List<Map<String, String>> people = new ArrayList<>();

	static final List<String> personFixtures = new ArrayList<>();

	static final List<String> companyFixtures = new ArrayList<>();

	static final String[] FIRST = { "Jane", "Lukas", "Amelie", "Marco", "Priya", "Tom", "Sofia", "Jonas", "Chloé",
			"Daniel", "Aisha", "Henrik", "Emma", "Mateo", "Yuki", "Oliver", "Léa", "Noah", "Ines", "Samuel" };

	static final String[] LAST = { "Doe", "Becker", "Laurent", "Rossi", "Sharma", "Walsh", "García", "Fischer",
			"Dubois", "Okafor", "Khan", "Lindqvist", "Novak", "Silva", "Tanaka", "Brennan", "Moreau", "Keller",
			"Costa", "Weber" };

	static final String[] TITLES = { "VP Sales", "Head of Growth", "Chief Revenue Officer", "Head of Operations",
			"Director of Marketing", "Sales Director DACH" };

	static final String[] CITIES = { "Austin, TX", "Berlin", "Paris", "London", "Munich", "Toronto", "Amsterdam",
			"Lyon", "Denver, CO", "Hamburg" };

	static final String[] WORDS = { "North", "Brak", "Quill", "Tellur", "Vant", "Ostra", "Lumen", "Cobalt", "Harbor",
			"Fjord", "Sable", "Kestrel", "Arbor", "Meridian", "Corvid", "Helix", "Tandem", "Pylon", "Ember", "Basalt" };

	static final String[] SUFFIX = { "line", "water", "on", "ix", "or", "va", "works", "labs", "io", "scale" };

	public static void main(String[] args) throws Exception {
		if (args[0].equals("list")) {
			writeList(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
			return;
		}
		var port = Integer.parseInt(args[1]);
		readList(Path.of(args[2]));
		try (var files = Files.list(Path.of(args[3]))) {
			for (var file : files.sorted().toList()) {
				(file.getFileName().toString().startsWith("person") ? personFixtures : companyFixtures)
					.add(Files.readString(file));
			}
		}
		var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
		server.setExecutor(Executors.newFixedThreadPool(64));
		server.createContext("/search", ResearchFake::search);
		server.createContext("/openai/v1/chat/completions", ResearchFake::chat);
		server.createContext("/stats", exchange -> send(exchange, 200, stats()));
		server.createContext("/reset", exchange -> {
			serperCalls.set(0);
			groqCalls.set(0);
			promptTokens.set(0);
			completionTokens.set(0);
			send(exchange, 200, stats());
		});
		server.start();
		System.out.println("research fake on 127.0.0.1:" + port);
	}

	// --- the list: companies of CONTACTS contacts each, an Apollo-style export

	static void writeList(int rows, int contacts, Path out) throws IOException {
		var lines = new ArrayList<String>();
		lines.add("First Name,Last Name,Title,Company,Email,Website,Person Linkedin Url,City");
		for (int r = 0; r < rows; r++) {
			int c = r / contacts;
			var company = WORDS[c % WORDS.length] + SUFFIX[(c / WORDS.length) % SUFFIX.length]
					+ (c >= WORDS.length * SUFFIX.length ? " " + c : "");
			var domain = company.toLowerCase(Locale.ROOT).replace(" ", "") + ".com";
			var first = FIRST[(r * 7) % FIRST.length];
			var last = LAST[(r * 3 + c) % LAST.length];
			var user = ascii(first + "." + last).toLowerCase(Locale.ROOT);
			lines.add(String.join(",", first, last, TITLES[r % TITLES.length], company, user + "@" + domain,
					"https://www." + domain, "https://www.linkedin.com/in/" + user.replace('.', '-'),
					"\"" + CITIES[c % CITIES.length] + "\""));
		}
		Files.write(out, lines);
	}

	static void readList(Path list) throws IOException {
		var lines = Files.readAllLines(list);
		var header = List.of(lines.get(0).split(","));
		for (var line : lines.subList(1, lines.size())) {
			var cells = splitCsv(line);
			var person = new LinkedHashMap<String, String>();
			for (int i = 0; i < header.size(); i++) {
				person.put(header.get(i), cells.get(i));
			}
			var email = person.get("Email");
			person.put("user", email.substring(0, email.indexOf('@')));
			person.put("domain", email.substring(email.indexOf('@') + 1));
			people.add(person);
		}
	}

	// --- Serper

	static void search(HttpExchange exchange) throws IOException {
		serperCalls.incrementAndGet();
		var query = (String) ((Map<?, ?>) Json.parse(body(exchange))).get("q");
		var lower = query.toLowerCase(Locale.ROOT);
		Map<String, String> person = null;
		for (var candidate : people) {
			var name = (candidate.get("First Name") + " " + candidate.get("Last Name")).toLowerCase(Locale.ROOT);
			if (lower.contains(name) || lower.startsWith(candidate.get("user") + " ")) {
				person = candidate;
				break;
			}
		}
		if (person != null) {
			send(exchange, 200, fill(personFixtures.get(Math.floorMod(query.hashCode(), personFixtures.size())), query,
					person));
			return;
		}
		for (var candidate : people) {
			if (lower.contains(candidate.get("domain")) || lower.contains(candidate.get("Company").toLowerCase(Locale.ROOT))) {
				send(exchange, 200, fill(companyFixtures.get(Math.floorMod(candidate.get("domain").hashCode(),
						companyFixtures.size())), query, candidate));
				return;
			}
		}
		send(exchange, 200, "{\"searchParameters\":{\"q\":" + Json.quote(query) + "},\"organic\":[],\"credits\":1}");
	}

	static String fill(String template, String query, Map<String, String> person) {
		var first = person.get("First Name");
		var last = person.get("Last Name");
		return template.replace("{{query}}", query.replace("\"", "\\\""))
			.replace("{{fullname}}", first + " " + last)
			.replace("{{first}}", first)
			.replace("{{last}}", last)
			.replace("{{slug}}", ascii(first + "-" + last).toLowerCase(Locale.ROOT))
			.replace("{{title}}", person.get("Title"))
			.replace("{{company}}", person.get("Company"))
			.replace("{{domain}}", person.get("domain"))
			.replace("{{city}}", person.get("City"));
	}

	// --- Groq

	static final Pattern FINDING = Pattern.compile("(?m)^(?:\\d+\\. |- )(.+?)(?: — |: )(.+?)(?: \\((https?://[^)]*)\\))?$");

	static void chat(HttpExchange exchange) throws IOException {
		groqCalls.incrementAndGet();
		var request = (Map<?, ?>) Json.parse(body(exchange));
		var messages = (List<?>) request.get("messages");
		var system = "";
		var user = "";
		long prompt = 3;
		for (var m : messages) {
			var message = (Map<?, ?>) m;
			var content = (String) message.get("content");
			prompt += 4 + tokens(content);
			if ("system".equals(message.get("role"))) {
				system = content;
			}
			else if ("user".equals(message.get("role")) && user.isEmpty()) {
				user = content;
			}
		}
		String answer;
		if (system.contains("summarize a company")) {
			answer = companyJson(user);
		}
		else if (system.contains("\"company\":{")) {
			answer = "{\"person\":" + personJson(user) + ",\"company\":" + companyJson(user) + "}";
		}
		else if (system.contains("\"person\":{")) {
			answer = "{\"person\":" + personJson(user)
					+ (system.contains("\"fit\"") ? ",\"fit\":{\"score\":74,\"tier\":\"hot\",\"why\":\"Leads revenue at a growing logistics software company.\"}" : "")
					+ "}";
		}
		else {
			answer = opener(user);
		}
		long completion = tokens(answer);
		promptTokens.addAndGet(prompt);
		completionTokens.addAndGet(completion);
		send(exchange, 200, """
				{"id":"chatcmpl-%s","object":"chat.completion","created":1764028800,"model":"openai/gpt-oss-120b",\
				"choices":[{"index":0,"message":{"role":"assistant","content":%s},"logprobs":null,"finish_reason":"stop"}],\
				"usage":{"queue_time":0.02,"prompt_tokens":%d,"prompt_time":0.01,"completion_tokens":%d,"completion_time":0.2,\
				"total_tokens":%d,"total_time":0.21},"system_fingerprint":"fp_bench","x_groq":{"id":"req_bench"}}"""
			.formatted(Long.toHexString(System.nanoTime()), Json.quote(answer), prompt, completion, prompt + completion));
	}

	/** Facts from the findings in the prompt: the snippets' first sentences, as the model would pick them. */
	static List<String> facts(String prompt, int max, boolean aboutPerson) {
		var facts = new ArrayList<String>();
		var matcher = FINDING.matcher(prompt);
		while (matcher.find() && facts.size() < max) {
			var snippet = matcher.group(2);
			var sentence = snippet.split("(?<=[.!?]) ")[0];
			var words = sentence.split(" ");
			var fact = String.join(" ", List.of(words).subList(0, Math.min(words.length, 16))).replaceAll("[.…]+$", "");
			if (!facts.contains(fact) && fact.length() > 20) {
				facts.add(fact);
			}
		}
		return facts;
	}

	static String personJson(String prompt) {
		var name = field(prompt, "Name");
		if (name.isEmpty()) {
			var email = field(prompt, "Email").isEmpty() ? field(prompt, "Prospect email") : field(prompt, "Email");
			var person = people.stream().filter(p -> (p.get("user") + "@" + p.get("domain")).equals(email)).findFirst();
			name = person.map(p -> p.get("First Name") + " " + p.get("Last Name")).orElse("");
		}
		return "{\"name\":" + Json.quote(name) + ",\"info\":" + Json.array(facts(prompt, 3, true)) + "}";
	}

	static String companyJson(String prompt) {
		var name = field(prompt, "Company in the list");
		var email = field(prompt, "Prospect email");
		if (name.isEmpty() && !email.isEmpty()) {
			name = people.stream().filter(p -> email.endsWith("@" + p.get("domain"))).map(p -> p.get("Company"))
				.findFirst().orElse("");
		}
		var facts = facts(prompt, 7, false);
		var company = facts.size() > 3 ? facts.subList(facts.size() - 4, facts.size()) : facts;
		return "{\"name\":" + Json.quote(name) + ",\"info\":" + Json.array(company)
				+ ",\"moat\":\"One platform that operations teams, carriers and customers all work in.\"}";
	}

	static final Pattern RESEARCH = Pattern.compile("(?s)Research(?: on the prospect \\(JSON\\):\\n|: )(\\{.*?\\})\\n");

	static String opener(String prompt) {
		var research = RESEARCH.matcher(prompt + "\n");
		if (!research.find()) {
			return "Scaling outbound without more headcount is hard; we research every prospect so each message lands.";
		}
		var json = (Map<?, ?>) Json.parse(research.group(1));
		var company = (Map<?, ?>) json.get("company");
		var info = (List<?>) company.get("info");
		var name = (String) company.get("name");
		var fact = info.isEmpty() ? "" : ((String) info.get(0));
		var short_ = String.join(" ", List.of(fact.split(" ")).subList(0, Math.min(10, fact.split(" ").length)));
		return (name.isEmpty() ? "Your team" : name) + " is moving fast: " + short_.toLowerCase(Locale.ROOT)
				+ ". Keeping reps focused on the right accounts gets harder as you grow, and that is where we help.";
	}

	static String field(String prompt, String label) {
		var matcher = Pattern.compile("(?m)^" + Pattern.quote(label) + ": (.*)$").matcher(prompt);
		return matcher.find() ? matcher.group(1).strip() : "";
	}

	/** Tokens of a text, close to an o200k tokenizer on English and code-like text. */
	static long tokens(String text) {
		long count = 0;
		Matcher matcher = PIECE.matcher(text);
		while (matcher.find()) {
			var piece = matcher.group();
			count += piece.isBlank() ? 1 : Math.max(1, (piece.strip().length() + 5) / 6);
		}
		return count;
	}

	// --- plumbing

	static String stats() {
		return "{\"serperCalls\":%d,\"groqCalls\":%d,\"promptTokens\":%d,\"completionTokens\":%d}".formatted(
				serperCalls.get(), groqCalls.get(), promptTokens.get(), completionTokens.get());
	}

	static String body(HttpExchange exchange) throws IOException {
		return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static String ascii(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	static List<String> splitCsv(String line) {
		var cells = new ArrayList<String>();
		var cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	/** Just enough JSON: objects, arrays, strings, numbers, literals. */
	static final class Json {

		private final String text;

		private int at;

		private Json(String text) {
			this.text = text;
		}

		static Object parse(String text) {
			return new Json(text).value();
		}

		static String quote(String s) {
			var out = new StringBuilder("\"");
			for (char c : s.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> {
						if (c < 0x20) {
							out.append("\\u%04x".formatted((int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}

		static String array(List<String> values) {
			return "[" + String.join(",", values.stream().map(Json::quote).toList()) + "]";
		}

		private Object value() {
			skip();
			char c = text.charAt(at);
			if (c == '{') {
				var map = new LinkedHashMap<String, Object>();
				at++;
				skip();
				if (text.charAt(at) == '}') {
					at++;
					return map;
				}
				while (true) {
					skip();
					var key = (String) value();
					skip();
					at++; // :
					map.put(key, value());
					skip();
					if (text.charAt(at++) == '}') {
						return map;
					}
				}
			}
			if (c == '[') {
				var list = new ArrayList<Object>();
				at++;
				skip();
				if (text.charAt(at) == ']') {
					at++;
					return list;
				}
				while (true) {
					list.add(value());
					skip();
					if (text.charAt(at++) == ']') {
						return list;
					}
				}
			}
			if (c == '"') {
				var out = new StringBuilder();
				at++;
				while (text.charAt(at) != '"') {
					char ch = text.charAt(at++);
					if (ch == '\\') {
						char esc = text.charAt(at++);
						switch (esc) {
							case 'n' -> out.append('\n');
							case 't' -> out.append('\t');
							case 'r' -> out.append('\r');
							case 'b' -> out.append('\b');
							case 'f' -> out.append('\f');
							case 'u' -> {
								out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
								at += 4;
							}
							default -> out.append(esc);
						}
					}
					else {
						out.append(ch);
					}
				}
				at++;
				return out.toString();
			}
			int start = at;
			while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
				at++;
			}
			var literal = text.substring(start, at);
			return switch (literal) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				case "null" -> null;
				default -> Double.parseDouble(literal);
			};
		}

		private void skip() {
			while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
				at++;
			}
		}

	}

}
