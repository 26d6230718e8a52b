package io.leadline.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the app on its random port, as a script would call it. */
record ApiClient(URI base, HttpClient http) {

	static ApiClient at(int port) {
		return new ApiClient(URI.create("http://localhost:" + port), HttpClient.newHttpClient());
	}

	record Reply(int status, HttpHeaders headers, byte[] body) {

		JsonNode json() {
			return JsonMapper.shared().readTree(body);
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + text();
		}
	}

	Reply get(String path, String token) {
		return send(request(path, token).GET());
	}

	Reply getWithBasic(String path, String user, String password) {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + credentials).GET());
	}

	Reply post(String path, String token) {
		return send(request(path, token).POST(BodyPublishers.noBody()));
	}

	Reply delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	Reply postJson(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body))));
	}

	Reply putJson(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body))));
	}

	/** A multipart form with one file part per entry of {@code parts}. */
	Reply uploadParts(String token, java.util.List<byte[]> parts) {
		String boundary = "leadline-" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < parts.size(); i++) {
			String name = i == 0 ? "file" : "extra" + i;
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
					+ "\"; filename=\"part" + i + ".csv\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(parts.get(i));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request("/api/uploads", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray())));
	}

	Reply upload(String token, String fileName, byte[] content) {
		String boundary = "leadline-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(request("/api/uploads", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body)));
	}

	/**
	 * {@code POST /api/jobs} for an upload with the default email column and a small
	 * service context.
	 */
	Reply startJob(String token, String uploadId) {
		return postJson("/api/jobs", token, Map.of("uploadId", uploadId, "service",
				Map.of("core_offer", "Done-for-you cold email", "cta", "Worth a short call?"), "format", "csv"));
	}

	/**
	 * A Stripe webhook delivery: the raw payload, its {@code Stripe-Signature} (none when
	 * null), no token.
	 */
	Reply stripeWebhook(String payload, String signature) {
		HttpRequest.Builder request = request("/api/billing/stripe/webhook", null)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return send(request.POST(BodyPublishers.ofString(payload, StandardCharsets.UTF_8)));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			var response = http.send(request.build(), BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
