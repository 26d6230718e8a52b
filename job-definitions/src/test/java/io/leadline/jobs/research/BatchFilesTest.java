package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BatchFilesTest {

	@Test
	void cutsLinesIntoFilesOfAtMostTheRequestLimitInOrder() {
		var lines = IntStream.rangeClosed(1, 5).mapToObj(i -> "line" + i).toList();

		var files = BatchFiles.split(lines, 2, 1_000);

		assertThat(files).extracting(BatchFilesTest::text)
			.containsExactly("line1\nline2\n", "line3\nline4\n", "line5\n");
	}

	@Test
	void cutsBeforeAFileWouldPassTheByteLimitCountingNewlines() {
		var files = BatchFiles.split(List.of("aaaa", "bbbb", "cccc"), 100, 10);

		assertThat(files).extracting(BatchFilesTest::text).containsExactly("aaaa\nbbbb\n", "cccc\n");
		assertThat(files).allSatisfy(file -> assertThat(file.length).isLessThanOrEqualTo(10));
	}

	@Test
	void refusesALineLargerThanAWholeFile() {
		assertThatThrownBy(() -> BatchFiles.split(List.of("x".repeat(20)), 100, 10))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("exceeds the file limit");
	}

	@Test
	void makesNoFileForNoLines() {
		assertThat(BatchFiles.split(List.of(), 10, 10)).isEmpty();
	}

	private static String text(byte[] file) {
		return new String(file, StandardCharsets.UTF_8);
	}

}
