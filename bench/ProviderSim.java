import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serper and Groq as seen from Leadline, on 127.0.0.1 only: the same wire formats, a fixed latency
 * per call, and per-provider requests-per-minute limits answered with real 429s and Retry-After.
 *   java bench/ProviderSim.java PORT LATENCY_MS SERPER_RPM GROQ_RPM MAX_SECONDS [BATCH_DELAY_S]   (RPM 0 = no limit)
 * GET /stats returns requests, 429s and peak concurrency per provider. Exits after MAX_SECONDS.
 * Groq's Batch API too (POST /files, POST /batches, GET /batches/{id}, GET /files/{id}/content): a
 * batch stays in_progress for BATCH_DELAY_S seconds (default 0) after it is created, then finalizes
 * and completes with every line answered as the live endpoint would; /stats counts its files,
 * batches and requests.
 */
public class ProviderSim {

	private static final Pattern EMAIL = Pattern.compile("(?:Prospect email|Email): ([^@\\s]+)@(\\S+)");

	// why: a query may quote a name ("\"Jane Doe\" Acme"); the capture keeps its JSON escapes
	private static final Pattern QUERY = Pattern.compile("\"q\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	static final class Provider {

		final String name;

		final long rpm;

		final Deque<Long> window = new ArrayDeque<>();

		final AtomicLong requests = new AtomicLong();

		final AtomicLong rejected = new AtomicLong();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger peak = new AtomicInteger();

		/** The most requests admitted within any 60 s: what a provider's per-minute limit counts. */
		int busiestMinute;

		/** When the first request came: minutes count from the first traffic, not the simulator's start. */
		long started = -1;

		/** Per minute of traffic: requests admitted and requests answered 429. */
		final java.util.List<long[]> minutes = new java.util.ArrayList<>();

		private long[] minute(long now) {
			if (started < 0) {
				started = now;
			}
			int index = (int) ((now - started) / 60_000);
			while (minutes.size() <= index) {
				minutes.add(new long[2]);
			}
			return minutes.get(index);
		}

		Provider(String name, long rpm) {
			this.name = name;
			this.rpm = rpm;
		}

		/** Seconds to wait, or 0 when this request is within the limit (sliding 60 s window). */
		synchronized long admit(long now) {
			while (!window.isEmpty() && window.peekFirst() <= now - 60_000) {
				window.pollFirst();
			}
			if (rpm > 0 && window.size() >= rpm) {
				minute(now)[1]++;
				return Math.max(1, (window.peekFirst() + 60_000 - now + 999) / 1000);
			}
			minute(now)[0]++;
			window.addLast(now);
			busiestMinute = Math.max(busiestMinute, window.size());
			return 0;
		}

		synchronized String stats() {
			var perMinute = new StringBuilder();
			for (var m : minutes) {
				perMinute.append(perMinute.isEmpty() ? "" : ",").append("[").append(m[0]).append(",").append(m[1]).append("]");
			}
			return "{\"requests\":%d,\"rejected429\":%d,\"peakConcurrency\":%d,\"rpmLimit\":%d,\"busiestMinute\":%d,\"perMinute\":[%s]}"
				.formatted(requests.get(), rejected.get(), peak.get(), rpm, busiestMinute, perMinute);
		}
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		long latency = Long.parseLong(args[1]);
		Map<String, Provider> providers = new ConcurrentHashMap<>();
		providers.put("serper", new Provider("serper", Long.parseLong(args[2])));
		providers.put("groq", new Provider("groq", Long.parseLong(args[3])));
		long maxSeconds = Long.parseLong(args[4]);
		Batches batches = new Batches(args.length > 5 ? Long.parseLong(args[5]) : 0);
		// why: without it the JDK server delays each small answer ~40 ms (Nagle), which is not the provider's latency
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
		server.setExecutor(Executors.newFixedThreadPool(256));
		server.createContext("/search", exchange -> serve(exchange, providers.get("serper"), latency));
		server.createContext("/openai/v1/chat/completions", exchange -> serve(exchange, providers.get("groq"), latency));
		server.createContext("/openai/v1/files", batches::files);
		server.createContext("/openai/v1/batches", batches::batches);
		server.createContext("/stats", exchange -> reply(exchange, 200, "{\"serper\":" + providers.get("serper").stats()
				+ ",\"groq\":" + providers.get("groq").stats() + ",\"batch\":" + batches.stats() + "}", Map.of()));
		server.start();
		System.out.println("provider simulator on 127.0.0.1:" + server.getAddress().getPort());
		Thread.sleep(maxSeconds * 1000);
		server.stop(0);
		System.exit(0);
	}

	private static void serve(HttpExchange exchange, Provider provider, long latency) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		provider.requests.incrementAndGet();
		int now = provider.inFlight.incrementAndGet();
		provider.peak.accumulateAndGet(now, Math::max);
		try {
			long wait = provider.admit(System.currentTimeMillis());
			if (wait > 0) {
				provider.rejected.incrementAndGet();
				reply(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}",
						Map.of("Retry-After", Long.toString(wait), "x-ratelimit-remaining-requests", "0",
								"x-ratelimit-reset-requests", wait + "s"));
				return;
			}
			Thread.sleep(latency);
			reply(exchange, 200, provider.name.equals("serper") ? search(body) : chat(body), Map.of());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			provider.inFlight.decrementAndGet();
		}
	}

	private static String search(String body) {
		Matcher q = QUERY.matcher(body);
		String query = q.find() ? q.group(1) : "";
		return """
				{"searchParameters":{"q":"%1$s","type":"search","engine":"google"},
				 "organic":[{"title":"%1$s - Profile","link":"https://example.com/%2$d","snippet":"Leads growth at a fast-growing B2B company.","position":1},
				            {"title":"News about %1$s","link":"https://news.example.com/%2$d","snippet":"Raised a Series B to expand in Europe.","position":2}]}
				""".formatted(query, Math.abs(query.hashCode()));
	}

	private static String chat(String body) {
		boolean json = body.contains("json_object");
		if (body.contains("summarize a company")) {
			return completion("{\\\"name\\\":\\\"Acme\\\",\\\"info\\\":[\\\"Series B\\\"],\\\"moat\\\":\\\"Owns its data\\\"}");
		}
		Matcher email = EMAIL.matcher(body.replace("\\n", "\n"));
		String person = email.find() ? email.group(1) : "there";
		String content = json
				? "{\\\"person\\\":{\\\"name\\\":\\\"%s\\\",\\\"info\\\":[\\\"Head of Growth\\\"]},\\\"company\\\":{\\\"name\\\":\\\"Acme\\\",\\\"info\\\":[\\\"Series B\\\"],\\\"moat\\\":\\\"Owns its data\\\"}}"
					.formatted(person)
				: "Scaling outbound after a Series B usually strains research time. We research every prospect so your reps only write to the right people.";
		return completion(content);
	}

	private static String completion(String content) {
		return """
				{"id":"chatcmpl-sim","object":"chat.completion","created":1760000000,"model":"openai/gpt-oss-120b",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":700,"completion_tokens":120,"total_tokens":820}}
				""".formatted(content);
	}

	/** The Files and Batches API: files kept in memory, batches answered once their delay has passed. */
	static final class Batches {

		private static final Pattern CUSTOM_ID = Pattern.compile("\"custom_id\"\\s*:\\s*\"([^\"]*)\"");

		private static final Pattern INPUT_FILE = Pattern.compile("\"input_file_id\"\\s*:\\s*\"([^\"]*)\"");

		final long delayMillis;

		final Map<String, String> files = new ConcurrentHashMap<>();

		final Map<String, String[]> batches = new ConcurrentHashMap<>();

		final AtomicLong ids = new AtomicLong();

		final AtomicLong uploaded = new AtomicLong();

		final AtomicLong created = new AtomicLong();

		final AtomicLong requests = new AtomicLong();

		Batches(long delaySeconds) {
			this.delayMillis = delaySeconds * 1000;
		}

		String stats() {
			return "{\"filesUploaded\":%d,\"batchesCreated\":%d,\"requests\":%d,\"delaySeconds\":%d}"
				.formatted(uploaded.get(), created.get(), requests.get(), delayMillis / 1000);
		}

		void files(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			if (exchange.getRequestMethod().equals("POST")) {
				String type = exchange.getRequestHeaders().getFirst("Content-Type");
				String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String content = "";
				for (String part : body.split(Pattern.quote(boundary))) {
					int split = part.indexOf("\r\n\r\n");
					if (split > 0 && part.substring(0, split).contains("name=\"file\"")) {
						content = part.substring(split + 4, part.length() - 2);
					}
				}
				String id = "file_in" + ids.incrementAndGet();
				files.put(id, content);
				uploaded.incrementAndGet();
				reply(exchange, 200, "{\"id\":\"%s\",\"object\":\"file\",\"bytes\":%d,\"purpose\":\"batch\"}".formatted(id,
						content.length()), Map.of());
				return;
			}
			String id = path.substring("/openai/v1/files/".length()).replace("/content", "");
			String content = files.get(id);
			reply(exchange, content == null ? 404 : 200, content == null ? "{\"error\":{\"message\":\"no file\"}}" : content,
					Map.of());
		}

		void batches(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			if (exchange.getRequestMethod().equals("POST")) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Matcher input = INPUT_FILE.matcher(body);
				String fileId = input.find() ? input.group(1) : "";
				String id = "batch_" + ids.incrementAndGet();
				// {input file, status, created at, output file, total}
				batches.put(id, new String[] { fileId, "validating", Long.toString(System.currentTimeMillis()), null,
						Long.toString(files.getOrDefault(fileId, "").lines().filter(l -> !l.isBlank()).count()) });
				created.incrementAndGet();
				reply(exchange, 200, json(id), Map.of());
				return;
			}
			if (path.equals("/openai/v1/batches")) {
				StringBuilder data = new StringBuilder();
				batches.keySet().forEach(id -> data.append(data.isEmpty() ? "" : ",").append(json(id)));
				reply(exchange, 200, "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":false}", Map.of());
				return;
			}
			String id = path.substring("/openai/v1/batches/".length());
			String[] batch = batches.get(id);
			if (batch == null) {
				reply(exchange, 404, "{\"error\":{\"message\":\"no batch\"}}", Map.of());
				return;
			}
			synchronized (batch) {
				switch (batch[1]) {
					case "validating" -> batch[1] = "in_progress";
					case "in_progress" -> {
						if (System.currentTimeMillis() >= Long.parseLong(batch[2]) + delayMillis) {
							batch[1] = "finalizing";
						}
					}
					case "finalizing" -> finish(id, batch);
					default -> {
					}
				}
			}
			reply(exchange, 200, json(id), Map.of());
		}

		private void finish(String id, String[] batch) {
			StringBuilder output = new StringBuilder();
			for (String line : files.getOrDefault(batch[0], "").split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				Matcher customId = CUSTOM_ID.matcher(line);
				String custom = customId.find() ? customId.group(1) : "";
				String body = line.substring(line.indexOf("\"body\":") + 7, line.lastIndexOf('}'));
				long n = ids.incrementAndGet();
				output.append("{\"id\":\"batch_req_%d\",\"custom_id\":\"%s\",\"response\":{\"status_code\":200,\"request_id\":\"req_%d\",\"body\":%s},\"error\":null}\n"
					.formatted(n, custom, n, chat(body).replace("\n", "")));
				requests.incrementAndGet();
			}
			String out = "file_out" + ids.incrementAndGet();
			files.put(out, output.toString());
			batch[3] = out;
			batch[1] = "completed";
		}

		private String json(String id) {
			String[] batch = batches.get(id);
			long total = Long.parseLong(batch[4]);
			boolean done = batch[1].equals("completed");
			return ("{\"id\":\"%s\",\"object\":\"batch\",\"endpoint\":\"/v1/chat/completions\",\"input_file_id\":\"%s\","
					+ "\"completion_window\":\"24h\",\"status\":\"%s\",\"output_file_id\":%s,\"error_file_id\":null,"
					+ "\"request_counts\":{\"total\":%d,\"completed\":%d,\"failed\":0}}")
				.formatted(id, batch[0], batch[1], batch[3] == null ? "null" : "\"" + batch[3] + "\"", total,
						done ? total : 0);
		}

	}

	private static void reply(HttpExchange exchange, int status, String json, Map<String, String> headers)
			throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
