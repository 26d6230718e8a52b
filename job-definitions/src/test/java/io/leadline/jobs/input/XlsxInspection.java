package io.leadline.jobs.input;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inspects one workbook with the default limits and writes what happened: the main of
 * {@link XlsxBombIT}'s small-heap JVM. An OutOfMemoryError ends that JVM (it runs with
 * ExitOnOutOfMemoryError), which the test sees as a failure.
 */
public final class XlsxInspection {

	private XlsxInspection() {
	}

	public static void main(String[] args) throws Exception {
		Path workbook = Path.of(args[0]);
		Path record = Path.of(args[1]);
		String outcome;
		try {
			ListInspection inspection = ListInspection.inspect(workbook, InputLimits.defaults());
			outcome = "accepted " + inspection.dataRows() + " rows";
		}
		catch (InputLimitException refused) {
			outcome = "refused: " + refused.getMessage();
		}
		try (Writer out = Files.newBufferedWriter(record)) {
			out.write(outcome + "\n");
		}
	}

}
