package io.leadline.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Stripe's API on loopback, as far as Leadline calls it:
 * {@code POST /v1/checkout/sessions} and {@code POST /v1/billing_portal/sessions},
 * form-encoded in and JSON out as Stripe answers. Every call is recorded with its decoded
 * form, so tests check what was asked.
 */
final class StripeFake {

	/**
	 * One call: path, bearer key and the form fields ({@code line_items[0][price]}...).
	 */
	record Call(String path, String authorization, Map<String, String> form) {
	}

	private final MockWebServer server = new MockWebServer();

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	StripeFake() throws IOException {
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				Map<String, String> form = form(request.getBody() == null ? "" : request.getBody().utf8());
				String path = request.getUrl().encodedPath();
				calls.add(new Call(path, request.getHeaders().get("Authorization"), form));
				return switch (path) {
					case "/v1/checkout/sessions" -> json(checkoutSession(form));
					case "/v1/billing_portal/sessions" -> json(portalSession(form));
					default -> new MockResponse.Builder().code(404)
						.body("{\"error\":{\"message\":\"Unrecognized request URL (POST: " + path
								+ ")\",\"type\":\"invalid_request_error\"}}")
						.build();
				};
			}
		});
		server.start();
	}

	String url() {
		String url = server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	List<Call> calls(String path) {
		return calls.stream().filter(call -> call.path().equals(path)).toList();
	}

	/**
	 * The last call to {@code path} made with this account as client reference or
	 * customer.
	 */
	Call lastCall(String path, String key, String value) {
		List<Call> matching = calls(path).stream().filter(call -> value.equals(call.form().get(key))).toList();
		if (matching.isEmpty()) {
			throw new AssertionError("no call to " + path + " with " + key + "=" + value + "; calls: " + calls);
		}
		return matching.get(matching.size() - 1);
	}

	private static String checkoutSession(Map<String, String> form) {
		String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
		return """
				{"id":"%s","object":"checkout.session","mode":"%s","status":"open","payment_status":"unpaid",
				 "client_reference_id":"%s","customer":%s,"currency":"usd","livemode":false,
				 "success_url":"%s","cancel_url":"%s","metadata":{},
				 "url":"https://checkout.stripe.com/c/pay/%s"}""".formatted(id, form.get("mode"),
				form.get("client_reference_id"),
				form.containsKey("customer") ? "\"" + form.get("customer") + "\"" : "null", form.get("success_url"),
				form.get("cancel_url"), id);
	}

	private static String portalSession(Map<String, String> form) {
		String id = "bps_" + UUID.randomUUID().toString().replace("-", "");
		return """
				{"id":"%s","object":"billing_portal.session","customer":"%s","livemode":false,
				 "return_url":"%s","url":"https://billing.stripe.com/p/session/test_%s"}""".formatted(id,
				form.get("customer"), form.get("return_url"), id);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 12))
			.body(body)
			.build();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	void close() {
		try {
			server.close();
		}
		catch (Exception e) {
			throw new UncheckedIOException(new IOException(e));
		}
	}

}
