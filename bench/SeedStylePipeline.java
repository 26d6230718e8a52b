import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The seed system's loop, for comparison: one row at a time, Serper person query, then Serper
 * domain query, then Groq research, then Groq opener, each waiting for the last.
 *   java bench/SeedStylePipeline.java BASE_URL LIST.csv ROWS
 */
public class SeedStylePipeline {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		List<String> lines = Files.readAllLines(Path.of(args[1]));
		int rows = Integer.parseInt(args[2]);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		long start = System.nanoTime();
		int done = 0;
		for (String line : lines.subList(1, Math.min(lines.size(), rows + 1))) {
			String[] cells = line.split(",");
			String email = cells[cells.length - 4].contains("@") ? cells[cells.length - 4] : cells[3];
			int at = email.indexOf('@');
			if (at < 1) {
				continue;
			}
			String user = email.substring(0, at);
			String domain = email.substring(at + 1);
			post(http, base + "/search", "{\"q\":\"" + user + " " + domain + "\"}");
			post(http, base + "/search", "{\"q\":\"" + domain + "\"}");
			post(http, base + "/openai/v1/chat/completions", "{\"response_format\":{\"type\":\"json_object\"},\"messages\":[{\"role\":\"user\",\"content\":\"Prospect email: " + email + "\"}]}");
			post(http, base + "/openai/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"opener\"}]}");
			done++;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("{\"rows\":%d,\"seconds\":%.2f,\"rowsPerSecond\":%.3f}%n", done, seconds, done / seconds);
	}

	private static void post(HttpClient http, String url, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
	}
}
