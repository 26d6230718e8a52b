package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class GroqClientTest {

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	@Test
	void postsAnOpenAiChatRequestWithBearerKeyModelAndTemperature() {
		providers.groq = call -> ProviderWire.chatCompletion("{}");

		providers.groqClient()
			.complete(ChatRequest.json("You research. Reply in JSON.", "Prospect email: ann@acme.io"));

		var request = providers.requests().get(0);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/chat/completions");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeProviders.GROQ_KEY);
		var body = JsonMapper.shared().readTree(request.getBody().utf8());
		assertThat(body.path("model").asString()).isEqualTo("openai/gpt-oss-120b");
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.6);
		assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(2_048);
		assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_object");
		assertThat(body.path("messages")).hasSize(2);
		assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
		assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo("Prospect email: ann@acme.io");
	}

	@Test
	void leavesResponseFormatOutForPlainText() {
		providers.groq = call -> ProviderWire.chatCompletion("Hi.");

		providers.groqClient().complete(ChatRequest.text("Write an opener.", "Research: {}"));

		var body = JsonMapper.shared().readTree(providers.requests().get(0).getBody().utf8());
		assertThat(body.has("response_format")).isFalse();
	}

	@Test
	void failsClearlyOnAReplyThatNeverEndsInsteadOfReadingItAll() {
		providers.groq = call -> ProviderWire.endlessJson();

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.json("Reply in JSON.", "x")))
			.isInstanceOf(TransientProviderException.class)
			.hasMessageContaining("the reply is larger than 2,097,152 bytes");
	}

	@Test
	void readsTheFirstChoiceAndTokenUsage() {
		providers.groq = call -> ProviderWire.chatCompletion("{\"person\":{}}", 812, 164);

		var completion = providers.groqClient().complete(ChatRequest.json("Reply in JSON.", "x"));

		assertThat(completion).isEqualTo(new ChatCompletion("{\"person\":{}}", 812, 164));
	}

	@Test
	void sendsACorrectionAsTheContinuedConversation() {
		providers.groq = call -> ProviderWire.chatCompletion("ok");
		var first = ChatRequest.text("system", "user");

		providers.groqClient().complete(first.correctedWith("too long", "shorter please"));

		var messages = providers.chatCalls().get(0).body().path("messages");
		assertThat(messages).extracting(message -> message.path("role").asString())
			.containsExactly("system", "user", "assistant", "user");
		assertThat(messages.get(2).path("content").asString()).isEqualTo("too long");
		assertThat(messages.get(3).path("content").asString()).isEqualTo("shorter please");
	}

	@Test
	void handsGroqsFailedJsonGenerationBackAsTheAnswerSoTheCallerCanCorrectIt() {
		providers.groq = call -> ProviderWire.json(400,
				"""
						{"error":{"message":"Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.",\
						"type":"invalid_request_error","code":"json_validate_failed","failed_generation":"{\\"person\\": {\\"name\\": "}}""");

		var completion = providers.groqClient().complete(ChatRequest.json("Reply in JSON.", "x"));

		assertThat(completion.content()).isEqualTo("{\"person\": {\"name\": ");
		assertThat(List.of(completion.promptTokens(), completion.completionTokens())).containsOnly(0L);
	}

	@Test
	void treatsNullContentAsAnEmptyAnswer() {
		providers.groq = call -> ProviderWire.json(200, """
				{"id":"chatcmpl-1","object":"chat.completion","model":"openai/gpt-oss-120b",\
				"choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"length"}],\
				"usage":{"prompt_tokens":900,"completion_tokens":4096,"total_tokens":4996}}""");

		var completion = providers.groqClient().complete(ChatRequest.text("s", "u"));

		assertThat(completion).isEqualTo(new ChatCompletion("", 900, 4096));
	}

}
