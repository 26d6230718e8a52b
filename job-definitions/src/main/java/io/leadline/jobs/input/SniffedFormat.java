package io.leadline.jobs.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What sniffing found out about a file, by content, never by extension, so a reader can
 * be opened the same way on every pass (prepare, a restart, the upload inspection).
 *
 * <p>
 * For {@link InputFormat#XLSX} the charset is UTF-8 (the workbook's XML), the delimiter
 * is {@code '\0'} and there is no BOM: those fields only describe text files.
 */
public record SniffedFormat(InputFormat format, Charset charset, char delimiter, boolean bom) {

	public SniffedFormat {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(charset, "charset");
	}

	static SniffedFormat xlsx() {
		return new SniffedFormat(InputFormat.XLSX, StandardCharsets.UTF_8, '\0', false);
	}

	static SniffedFormat csv(Charset charset, char delimiter, boolean bom) {
		return new SniffedFormat(InputFormat.CSV, charset, delimiter, bom);
	}
}
