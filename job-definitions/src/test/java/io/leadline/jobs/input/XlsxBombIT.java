package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks whose styles or shared strings inflate far beyond what a list needs, at a
 * ratio under the zip-bomb guard, are refused with a heap that could not hold them: the
 * inspection runs in a JVM of its own with 32 MB ({@link XlsxInspection}), so parsing
 * such a part whole fails this test with OutOfMemoryError.
 */
class XlsxBombIT {

	static final String MAX_HEAP = "-Xmx32m";

	@TempDir
	Path work;

	@Test
	void refusesAStylesPartThatInflatesFarBeyondAnyRealWorkbook() throws Exception {
		Path bomb = XlsxBomb.write(work.resolve("styles.xlsx"), XlsxBomb.Part.STYLES, 40L * 1024 * 1024);

		String outcome = inspectInSmallHeap(bomb);

		assertThat(outcome).startsWith("refused:").contains("part /xl/styles.xml");
	}

	@Test
	void refusesSharedStringsOverTheirLimitWithoutHoldingThem() throws Exception {
		Path bomb = XlsxBomb.write(work.resolve("strings.xlsx"), XlsxBomb.Part.SHARED_STRINGS, 80L * 1024 * 1024);

		String outcome = inspectInSmallHeap(bomb);

		assertThat(outcome).startsWith("refused:").contains("shared strings");
	}

	@Test
	void acceptsMillionsOfTinySharedStringsUnderTheLimitInAHeapOfLittleMoreThanThePart() throws Exception {
		Path tiny = XlsxBomb.write(work.resolve("tiny.xlsx"), XlsxBomb.Part.SHARED_STRINGS, 60L * 1024 * 1024, 4);

		// why: 3.3 million strings of 4 characters; a String per entry needs about 170 MB
		assertThat(inspectInSmallHeap(tiny, "-Xmx64m")).isEqualTo("accepted 1 rows");
	}

	@Test
	void acceptsTheSameWorkbookWithoutTheBloat() throws Exception {
		Path plain = XlsxBomb.write(work.resolve("plain.xlsx"), XlsxBomb.Part.STYLES, 0);

		assertThat(inspectInSmallHeap(plain)).isEqualTo("accepted 1 rows");
	}

	private String inspectInSmallHeap(Path workbook) throws IOException, InterruptedException {
		return inspectInSmallHeap(workbook, MAX_HEAP);
	}

	private String inspectInSmallHeap(Path workbook, String maxHeap) throws IOException, InterruptedException {
		Path record = work.resolve(workbook.getFileName() + ".outcome");
		Path log = work.resolve(workbook.getFileName() + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process inspection = new ProcessBuilder(
				List.of(java, maxHeap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
						XlsxInspection.class.getName(), workbook.toString(), record.toString()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!inspection.waitFor(120, TimeUnit.SECONDS)) {
			inspection.destroyForcibly();
			throw new AssertionError("the inspection did not finish in 120 s:\n" + Files.readString(log));
		}
		assertThat(inspection.exitValue()).as("exit code of the inspecting JVM; its output:\n%s", Files.readString(log))
			.isZero();
		return Files.readString(record).strip();
	}

}
