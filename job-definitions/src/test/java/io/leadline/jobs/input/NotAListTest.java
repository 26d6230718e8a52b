package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotAListTest {

	@TempDir
	Path dir;

	@Test
	void refusesAnEmptyFile() throws IOException {
		Path file = Files.write(dir.resolve("list.csv"), new byte[0]);

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is empty");
	}

	@Test
	void refusesAFileOfOnlyAByteOrderMarkAndLineBreaks() throws IOException {
		Path file = Files.write(dir.resolve("list.csv"),
				new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n', '\n' });

		assertThatThrownBy(() -> TableReader.read(file, new RecordedTable()))
			.isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is empty");
	}

	@Test
	void refusesPdfBytesWhateverTheName() throws IOException {
		Path file = Files.write(dir.resolve("list.csv"),
				"%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is a PDF document, not a CSV or XLSX list");
	}

	@Test
	void refusesPngBytes() throws IOException {
		Path file = Files.write(dir.resolve("list.xlsx"),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 });

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is a PNG image, not a CSV or XLSX list");
	}

	@Test
	void refusesLegacyXlsWithAHowToFix() throws IOException {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0,
				0 };
		Path file = Files.write(dir.resolve("list.xls"), ole2);

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("legacy .xls (Excel 97-2003) is not supported; save as .xlsx or .csv");
	}

	@Test
	void refusesAZipThatIsNotAWorkbook() throws IOException {
		Path file = dir.resolve("list.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("list.csv"));
			zip.write("email\na@x.io\n".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is a zip archive, not an .xlsx workbook");
	}

	@Test
	void refusesRandomBinaryBytes() throws IOException {
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		noise[0] = 'x';
		Path file = Files.write(dir.resolve("list.csv"), noise);

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file looks like binary data, not a CSV or XLSX list");
	}

	@Test
	void refusesUtf16WithoutAByteOrderMarkWithAHowToFix() throws IOException {
		Path file = Files.write(dir.resolve("list.csv"),
				"email,name\na@x.io,Ann\n".getBytes(StandardCharsets.UTF_16LE));

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file looks like UTF-16 text without a byte order mark; save it as UTF-8");
	}

	@Test
	void refusesAnHtmlExportNamedLikeASpreadsheet() throws IOException {
		Path file = Files.writeString(dir.resolve("list.xls"),
				"\n<!DOCTYPE html><html><table><tr><td>email</td></tr></table></html>");

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is an HTML page, not a CSV or XLSX list");
	}

	@Test
	void refusesATruncatedWorkbook() throws IOException {
		Path file = dir.resolve("broken.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 });
		}

		assertThatThrownBy(() -> TableReader.sniff(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the file is a damaged zip archive, not an .xlsx workbook");
	}

}
