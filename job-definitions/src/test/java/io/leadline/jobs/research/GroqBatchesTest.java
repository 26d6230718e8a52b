package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.json.JsonMapper;

class GroqBatchesTest {

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	@Test
	void uploadsAJsonlFileOfChatRequestsAsAMultipartBatchFile() {
		var batches = batches();
		var line = BatchFiles.line(providers.settings(), "person:7", ChatRequest.json(Prompts.PERSON_SYSTEM, "x"));

		var fileId = batches.upload("person-1.jsonl", (line + "\n").getBytes(StandardCharsets.UTF_8));

		var request = providers.requests().get(0);
		assertThat(fileId).isNotBlank();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/files");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeProviders.GROQ_KEY);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
		assertThat(request.getBody().utf8()).contains("name=\"purpose\"", "batch", "filename=\"person-1.jsonl\"");
		var sent = JsonMapper.shared().readTree(line);
		assertThat(sent.path("custom_id").asString()).isEqualTo("person:7");
		assertThat(sent.path("method").asString()).isEqualTo("POST");
		assertThat(sent.path("url").asString()).isEqualTo("/v1/chat/completions");
		assertThat(sent.path("body").path("model").asString()).isEqualTo(FakeProviders.MODEL);
		assertThat(sent.path("body").path("response_format").path("type").asString()).isEqualTo("json_object");
	}

	@Test
	void pollsABatchThroughItsStatusesAndReadsItsAnswersByCustomId() {
		var batches = batches();
		var file = batches.upload("b.jsonl", jsonl("person:1", "person:2"));

		var created = batches.create(file, "24h");
		var statuses = new java.util.ArrayList<String>(List.of(created.status()));
		var batch = created;
		while (!batch.isTerminal()) {
			batch = batches.get(batch.id());
			statuses.add(batch.status());
		}
		var answers = BatchAnswer.parse(content(batches, batch.outputFileId()));

		assertThat(statuses).containsExactly("validating", "in_progress", "finalizing", "completed");
		assertThat(batch.total()).isEqualTo(2);
		assertThat(batch.completed()).isEqualTo(2);
		assertThat(batch.errorFileId()).isNull();
		assertThat(answers).extracting(BatchAnswer::customId).containsExactly("person:1", "person:2");
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.isAnswered()).isTrue();
			assertThat(answer.completion().promptTokens()).isEqualTo(812);
		});
		assertThat(providers.chatCalls()).as("live chat completions").isEmpty();
	}

	@Test
	void anExpiredBatchAnswersPartAndListsTheRestInItsErrorFile() {
		providers.batches.answeredShare = 0.5;
		var batches = batches();
		var batch = batches.create(batches.upload("b.jsonl", jsonl("a", "b", "c", "d")), "24h");

		while (!batch.isTerminal()) {
			batch = batches.get(batch.id());
		}

		assertThat(batch.status()).isEqualTo("expired");
		assertThat(BatchAnswer.parse(content(batches, batch.outputFileId()))).extracting(BatchAnswer::customId)
			.containsExactly("a", "b");
		assertThat(BatchAnswer.parse(content(batches, batch.errorFileId()))).allSatisfy(answer -> {
			assertThat(answer.isAnswered()).isFalse();
			assertThat(answer.error()).startsWith("batch_expired");
		}).extracting(BatchAnswer::customId).containsExactly("c", "d");
	}

	@Test
	void aFileLargerThanTheCapIsRefusedWithoutReadingItAll() {
		var batches = batches();
		var ids = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "person:" + i).toArray(String[]::new);
		var batch = batches.create(batches.upload("b.jsonl", jsonl(ids)), "24h");
		while (!batch.isTerminal()) {
			batch = batches.get(batch.id());
		}
		var fileId = batch.outputFileId();
		var whole = content(batches, fileId).getBytes(StandardCharsets.UTF_8).length;
		var out = new ByteArrayOutputStream();

		assertThatThrownBy(() -> batches.download(fileId, out, 1024)).isInstanceOf(TransientProviderException.class)
			.hasMessageContaining("the file is larger than 1,024 bytes");
		assertThat(whole).as("the whole file").isGreaterThan(10 * 1024);
		assertThat(out.size()).as("bytes written before the refusal").isLessThanOrEqualTo(1024);
		assertThat(batches.download(fileId, new ByteArrayOutputStream(), whole)).as("exactly at the cap")
			.isEqualTo(whole);
	}

	@Test
	void findsABatchByItsInputFileAfterItsIdWasLost() {
		var batches = batches();
		var file = batches.upload("b.jsonl", jsonl("a"));
		var created = batches.create(file, "24h");

		assertThat(batches.findByInputFile(file)).map(ProviderBatch::id).contains(created.id());
		assertThat(batches.findByInputFile("file_unknown")).isEmpty();
	}

	@Test
	void readsAMalformedAnswerAsAnEmptyOneAndAnUnreadableLineAsMissing() {
		var lines = String.join("\n",
				"{\"id\":\"r1\",\"custom_id\":\"a\",\"response\":{\"status_code\":200,"
						+ "\"body\":{\"object\":\"chat.completion\",\"choices\":[]}},\"error\":null}",
				"{\"custom_id\":\"b\",\"resp",
				"{\"id\":\"r3\",\"custom_id\":\"c\",\"response\":{\"status_code\":500,\"body\":{\"error\":{\"message\":\"boom\"}}},\"error\":null}");

		var answers = BatchAnswer.parse(lines);

		assertThat(answers).extracting(BatchAnswer::customId).containsExactly("a", "c");
		assertThat(answers.get(0).completion().content()).isEmpty();
		assertThat(answers.get(1).error()).isEqualTo("HTTP 500: boom");
	}

	@Test
	void anUnknownBatchIsRejectedNotRetried() {
		assertThatThrownBy(() -> batches().get("batch_missing")).isInstanceOf(RejectedRequestException.class)
			.hasMessageContaining("404");
	}

	private GroqBatches batches() {
		return new GroqBatches(ProviderHttp.client(providers.settings()), providers.settings());
	}

	private static String content(GroqBatches batches, String fileId) {
		var out = new ByteArrayOutputStream();
		batches.download(fileId, out, BatchProperties.defaults().maxDownload().toBytes());
		return out.toString(StandardCharsets.UTF_8);
	}

	private byte[] jsonl(String... customIds) {
		var text = new StringBuilder();
		for (var id : customIds) {
			text.append(BatchFiles.line(providers.settings(), id,
					ChatRequest.json(Prompts.PERSON_SYSTEM,
							"Email: " + id + "@acme.io\nSearch results:\n- Ann Lee is Head of Growth at Acme Inc.")))
				.append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
