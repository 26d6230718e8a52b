package io.leadline.jobs.output;

import java.io.OutputStream;
import java.util.Objects;

/** Opens the {@link ResultSink} for a {@link ResultFormat}. */
public final class ResultSinks {

	private ResultSinks() {
	}

	/**
	 * Opens a sink writing {@code format} to {@code out}. The sink leaves {@code out}
	 * open on close.
	 * @param csvBom for CSV, start with a UTF-8 byte order mark so Excel detects UTF-8;
	 * ignored for XLSX
	 */
	public static ResultSink open(ResultFormat format, OutputStream out, boolean csvBom) {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(out, "out");
		return switch (format) {
			case CSV -> new CsvResultSink(out, csvBom);
			case XLSX -> new XlsxResultSink(out);
		};
	}

}
