package io.leadline.jobs.research;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serper and Groq on one loopback MockWebServer, speaking their real wire formats. Routes
 * by path ({@code /search}, {@code /openai/v1/chat/completions}) and answers from the
 * request body, so concurrent rows each get their own answer. Swap {@link #serper} or
 * {@link #groq} to script a test.
 */
public final class FakeProviders implements AutoCloseable, AfterEachCallback {

	public static final String SERPER_KEY = "test-serper-key";

	public static final String GROQ_KEY = "test-groq-key";

	public static final String MODEL = "openai/gpt-oss-120b";

	public volatile Function<String, MockResponse> serper = ProviderWire::searchResultsFor;

	public volatile Function<ChatCall, MockResponse> groq = ProviderWire::answerFor;

	private final MockWebServer server = new MockWebServer();

	/**
	 * The Files and Batches API on the same server; its lines are answered by
	 * {@link #groq}.
	 */
	public final FakeBatches batches = new FakeBatches(() -> groq);

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	/** A chat completion request as the fake received it. */
	public record ChatCall(JsonNode body) {
		public boolean json() {
			return "json_object".equals(body.path("response_format").path("type").asString(""));
		}

		public String lastUserMessage() {
			var messages = body.path("messages");
			for (int i = messages.size() - 1; i >= 0; i--) {
				if ("user".equals(messages.get(i).path("role").asString(""))) {
					return messages.get(i).path("content").asString("");
				}
			}
			return "";
		}

		public String firstUserMessage() {
			for (var message : body.path("messages")) {
				if ("user".equals(message.path("role").asString(""))) {
					return message.path("content").asString("");
				}
			}
			return "";
		}

		/** The system prompt, which tells the company, person and opener calls apart. */
		public String system() {
			for (var message : body.path("messages")) {
				if ("system".equals(message.path("role").asString(""))) {
					return message.path("content").asString("");
				}
			}
			return "";
		}

		public boolean isCompanySummary() {
			return system().equals(Prompts.COMPANY_SYSTEM);
		}

		public int messageCount() {
			return body.path("messages").size();
		}
	}

	public FakeProviders() throws IOException {
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				requests.add(request);
				if (FakeBatches.handles(request.getUrl().encodedPath())) {
					return batches.dispatch(request);
				}
				var body = JsonMapper.shared().readTree(request.getBody().utf8());
				return switch (request.getUrl().encodedPath()) {
					case "/search" -> serper.apply(body.path("q").asString());
					case "/openai/v1/chat/completions" -> groq.apply(new ChatCall(body));
					default -> new MockResponse.Builder().code(404).body("{\"message\":\"Not found\"}").build();
				};
			}
		});
		server.start();
	}

	public ProviderSettings settings() {
		return settings(Duration.ofSeconds(10));
	}

	public ProviderSettings settings(Duration readTimeout) {
		return new ProviderSettings(server.url("/").toString(), SERPER_KEY, server.url("/openai/v1").toString(),
				GROQ_KEY, MODEL, 0.6, Duration.ofSeconds(5), readTimeout);
	}

	public SerperClient serperClient() {
		return new SerperClient(ProviderHttp.client(settings()), settings());
	}

	public GroqClient groqClient() {
		return new GroqClient(ProviderHttp.client(settings()), settings());
	}

	public ProspectResearcher researcher() {
		var http = ProviderHttp.client(settings());
		return new ProspectResearcher(new SerperClient(http, settings()), new GroqClient(http, settings()));
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(requests);
	}

	public List<String> searchQueries() {
		return requests.stream()
			.filter(request -> request.getUrl().encodedPath().equals("/search"))
			.map(request -> JsonMapper.shared().readTree(request.getBody().utf8()).path("q").asString())
			.toList();
	}

	public List<ChatCall> chatCalls() {
		return requests.stream()
			.filter(request -> request.getUrl().encodedPath().endsWith("/chat/completions"))
			.map(request -> new ChatCall(JsonMapper.shared().readTree(request.getBody().utf8())))
			.toList();
	}

	/** For {@code @RegisterExtension}: started now, closed after each test. */
	public static FakeProviders started() {
		try {
			return new FakeProviders();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot start the provider fakes", e);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		server.close();
	}

}
