package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadline.app.cli.LeadlineProcess;
import io.leadline.jobs.input.XlsxBomb;

/**
 * Workbooks whose styles or shared strings inflate far beyond what a list needs, sent
 * several at once to a server whose heap (256 MB) could not hold one of them parsed, are
 * refused with a problem code while the server stays healthy. The server runs in a JVM of
 * its own that exits on OutOfMemoryError, so an unbounded parse fails this test.
 */
class UploadBombIT {

	private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

	private static final Tokens TOKENS = new Tokens(SECRET, "https://leadline.test/auth/v1", "authenticated");

	/**
	 * Over twelve times the styles limit and over the shared-strings limit; about 10 MB
	 * on the wire, far under the 50 MB upload limit.
	 */
	private static final long INFLATED = 100L * 1024 * 1024;

	private static final int EACH = 3;

	private static final Pattern PORT = Pattern.compile("http://localhost:(\\d+)/");

	@TempDir
	Path work;

	@Test
	void refusesStylesAndSharedStringsBombsSentAtOnceAndStaysHealthy() throws Exception {
		Path styles = XlsxBomb.write(work.resolve("styles.xlsx"), XlsxBomb.Part.STYLES, INFLATED);
		Path strings = XlsxBomb.write(work.resolve("strings.xlsx"), XlsxBomb.Part.SHARED_STRINGS, INFLATED);
		LeadlineProcess.Running server = serve();
		ExecutorService senders = Executors.newFixedThreadPool(2 * EACH);
		try {
			ApiClient api = ApiClient.at(portOf(server));
			String token = TOKENS.user("bomber");
			List<CompletableFuture<ApiClient.Reply>> replies = new ArrayList<>();

			for (int i = 0; i < EACH; i++) {
				for (Path bomb : List.of(styles, strings)) {
					byte[] bytes = Files.readAllBytes(bomb);
					replies.add(CompletableFuture.supplyAsync(() -> api.upload(token, "list.xlsx", bytes), senders));
				}
			}

			for (var reply : replies) {
				ApiClient.Reply refused = answered(reply, server);
				assertThat(refused.status()).as(refused.toString()).isIn(413, 503);
				assertThat(refused.json().path("code").asString()).isIn("input_limit", "inspection_busy");
			}
			assertRefusedForItsPart(api.upload(token, "list.xlsx", Files.readAllBytes(styles)), "styles");
			assertRefusedForItsPart(api.upload(token, "list.xlsx", Files.readAllBytes(strings)), "shared strings");
			var health = api.get("/actuator/health", null);
			assertThat(health.status()).as(health.toString()).isEqualTo(200);
			assertThat(health.json().path("status").asString()).isEqualTo("UP");
			assertThat(server.process().isAlive()).isTrue();
		}
		finally {
			senders.shutdownNow();
			server.process().destroy();
			server.process().waitFor();
		}
		assertThat(output(server)).doesNotContain("OutOfMemoryError");
		assertThat(Files.readString(work.resolve("data/logs/leadline.log"))).doesNotContain("OutOfMemoryError");
	}

	private static ApiClient.Reply answered(CompletableFuture<ApiClient.Reply> reply, LeadlineProcess.Running server)
			throws IOException {
		try {
			return reply.join();
		}
		catch (java.util.concurrent.CompletionException e) {
			throw new AssertionError("no answer; the server printed:\n" + output(server), e);
		}
	}

	private static void assertRefusedForItsPart(ApiClient.Reply reply, String part) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
		assertThat(reply.json().path("code").asString()).isEqualTo("input_limit");
		assertThat(reply.json().path("detail").asString()).contains(part);
	}

	private LeadlineProcess.Running serve() throws IOException {
		Path data = Files.createDirectories(work.resolve("data"));
		return new LeadlineProcess(data, Map.of("LEADLINE_PORT", "0", "LEADLINE_JWT_SECRET", SECRET,
				"LEADLINE_JWT_ISSUER", "https://leadline.test/auth/v1", "LEADLINE_JWT_AUDIENCE", "authenticated"))
			.start("serve");
	}

	/** The port the server greets with, once it is ready. */
	private static int portOf(LeadlineProcess.Running server) {
		return await().atMost(LeadlineProcess.HANG_GUARD).until(() -> {
			if (!server.process().isAlive()) {
				throw new IllegalStateException("the server ended:\n" + output(server));
			}
			Matcher port = PORT.matcher(Files.readString(server.out()));
			return port.find() ? Integer.parseInt(port.group(1)) : null;
		}, port -> port != null);
	}

	private static String output(LeadlineProcess.Running server) throws IOException {
		return Files.readString(server.out(), StandardCharsets.UTF_8) + Files.readString(server.err());
	}

}
