package io.leadline.jobs.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Decides what a file is from its bytes. Extensions lie (a ".csv" saved from Excel as
 * .xls, an ".xlsx" that is a renamed PDF), so only content counts; anything else is
 * refused up front with a message naming what the file looks like.
 */
final class FormatSniffer {

	private static final int HEAD_BYTES = 64 * 1024;

	private FormatSniffer() {
	}

	static SniffedFormat sniff(Path file) throws IOException {
		byte[] head = readHead(file);
		if (head.length == 0) {
			throw new UnsupportedInputException("the file is empty");
		}
		if (Magic.ZIP.matches(head) || Magic.EMPTY_ZIP.matches(head)) {
			return sniffZip(file);
		}
		Optional<Magic> magic = Magic.of(head);
		if (magic.isPresent()) {
			throw new UnsupportedInputException(magic.get().complaint());
		}
		return sniffText(file, head);
	}

	private static SniffedFormat sniffText(Path file, byte[] head) throws IOException {
		Optional<ByteOrderMark> bom = ByteOrderMark.at(head);
		Charset charset = bom.map(ByteOrderMark::charset)
			.orElse(TextSource.isValidUtf8(file) ? StandardCharsets.UTF_8 : TextSource.WINDOWS_1252);
		if (bom.isEmpty() && looksLikeUtf16(head)) {
			throw new UnsupportedInputException(
					"the file looks like UTF-16 text without a byte order mark; save it as UTF-8");
		}
		String text = TextSource.decodeHead(head, bom.map(ByteOrderMark::length).orElse(0), charset);
		if (looksBinary(text)) {
			throw new UnsupportedInputException("the file looks like binary data, not a CSV or XLSX list");
		}
		refuseMarkup(text);
		boolean complete = head.length < HEAD_BYTES;
		if (complete && text.isBlank()) {
			throw new UnsupportedInputException("the file is empty");
		}
		return SniffedFormat.csv(charset, DelimiterSniffer.sniff(text, complete), bom.isPresent());
	}

	/**
	 * Mostly ASCII text in two-byte units: every other byte is NUL, the others are not.
	 */
	private static boolean looksLikeUtf16(byte[] head) {
		int pairs = Math.min(head.length, 4096) / 2;
		int evenNuls = 0;
		int oddNuls = 0;
		for (int i = 0; i < pairs; i++) {
			evenNuls += head[2 * i] == 0 ? 1 : 0;
			oddNuls += head[2 * i + 1] == 0 ? 1 : 0;
		}
		return pairs >= 2 && Math.max(evenNuls, oddNuls) > pairs * 0.7 && Math.min(evenNuls, oddNuls) < pairs * 0.05;
	}

	// why: "Export to Excel" buttons often produce HTML or Excel 2003 XML named .xls
	private static void refuseMarkup(String text) {
		String start = text.stripLeading().toLowerCase(Locale.ROOT);
		if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
			throw new UnsupportedInputException("the file is an HTML page, not a CSV or XLSX list");
		}
		if (start.startsWith("<?xml")) {
			throw new UnsupportedInputException(
					"the file is an XML document (Excel 2003 XML?); save it as .xlsx or .csv");
		}
	}

	/** NUL, or more than 1% control characters: no spreadsheet export writes those. */
	private static boolean looksBinary(String text) {
		int controls = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return true;
			}
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
				controls++;
			}
		}
		return controls > text.length() / 100;
	}

	private static SniffedFormat sniffZip(Path file) throws IOException {
		Set<String> names = new HashSet<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			zip.stream().limit(10_000).forEach(entry -> names.add(entry.getName()));
		}
		catch (ZipException e) {
			throw new UnsupportedInputException("the file is a damaged zip archive, not an .xlsx workbook");
		}
		if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
			return SniffedFormat.xlsx();
		}
		if (names.contains("word/document.xml")) {
			throw new UnsupportedInputException("the file is a Word document (.docx), not a CSV or XLSX list");
		}
		if (names.contains("ppt/presentation.xml")) {
			throw new UnsupportedInputException(
					"the file is a PowerPoint presentation (.pptx), not a CSV or XLSX list");
		}
		if (names.contains("content.xml") && names.contains("mimetype")) {
			throw new UnsupportedInputException(
					"the file is an OpenDocument file (.ods/.odt); save it as .xlsx or .csv");
		}
		throw new UnsupportedInputException("the file is a zip archive, not an .xlsx workbook");
	}

	private static byte[] readHead(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD_BYTES);
		}
	}

	/** File signatures we recognise in order to refuse them with a useful message. */
	private enum Magic {

		ZIP("", 'P', 'K', 3, 4), EMPTY_ZIP("", 'P', 'K', 5, 6),
		OLE2("legacy .xls (Excel 97-2003) is not supported; save as .xlsx or .csv", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1,
				0x1A, 0xE1),
		PDF("the file is a PDF document, not a CSV or XLSX list", '%', 'P', 'D', 'F'),
		PNG("the file is a PNG image, not a CSV or XLSX list", 0x89, 'P', 'N', 'G'),
		JPEG("the file is a JPEG image, not a CSV or XLSX list", 0xFF, 0xD8, 0xFF),
		GIF("the file is a GIF image, not a CSV or XLSX list", 'G', 'I', 'F', '8'),
		GZIP("the file is a gzip archive; unpack it and upload the CSV or XLSX inside", 0x1F, 0x8B),
		RAR("the file is a RAR archive; unpack it and upload the CSV or XLSX inside", 'R', 'a', 'r', '!'),
		SEVEN_ZIP("the file is a 7-Zip archive; unpack it and upload the CSV or XLSX inside", '7', 'z', 0xBC, 0xAF),
		RTF("the file is an RTF document, not a CSV or XLSX list", '{', '\\', 'r', 't', 'f');

		private final String complaint;

		private final int[] signature;

		Magic(String complaint, int... signature) {
			this.complaint = complaint;
			this.signature = signature;
		}

		static Optional<Magic> of(byte[] head) {
			for (Magic magic : values()) {
				if (magic.matches(head)) {
					return Optional.of(magic);
				}
			}
			return Optional.empty();
		}

		boolean matches(byte[] head) {
			if (head.length < signature.length) {
				return false;
			}
			for (int i = 0; i < signature.length; i++) {
				if ((head[i] & 0xFF) != signature[i]) {
					return false;
				}
			}
			return true;
		}

		String complaint() {
			return complaint;
		}

	}

}
