package io.leadline.jobs.input;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A valid one-sheet workbook whose styles or shared-strings part inflates to many
 * megabytes at about 6:1, under POI's 100:1 zip-bomb ratio, as in the attack reported:
 * parsing it whole is what exhausts a heap.
 */
public final class XlsxBomb {

	public enum Part {

		STYLES, SHARED_STRINGS

	}

	private XlsxBomb() {
	}

	public static Path write(Path file, Part bloated, long inflatedBytes) throws IOException {
		return write(file, bloated, inflatedBytes, 32);
	}

	/**
	 * @param textLength characters of each bloating item: short shared strings cost the
	 * most heap per byte of the part
	 */
	public static Path write(Path file, Part bloated, long inflatedBytes, int textLength) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
				ZipOutputStream zip = new ZipOutputStream(out)) {
			// why: a bomb of 100 MB is written in about a second, still at about 6:1
			zip.setLevel(Deflater.BEST_SPEED);
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
							<Default Extension="xml" ContentType="application/xml"/>
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
							<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
							<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
							<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
							</Relationships>""");
			entry(zip, "xl/workbook.xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
							<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
							<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
							<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
							</Relationships>""");
			entry(zip, "xl/worksheets/sheet1.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
					<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
					<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>
					</sheetData></worksheet>""");
			zip.putNextEntry(new ZipEntry("xl/styles.xml"));
			Writer styles = writer(zip);
			styles.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts>");
			if (bloated == Part.STYLES && inflatedBytes > 0) {
				fill(styles, inflatedBytes, textLength,
						(i, text) -> "<numFmt numFmtId=\"" + (200 + i) + "\" formatCode=\"" + text + "\"/>");
			}
			styles.write("</numFmts></styleSheet>");
			styles.flush();
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			Writer strings = writer(zip);
			strings.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
					+ "<si><t>name</t></si><si><t>email</t></si><si><t>Ann</t></si><si><t>ann@acme.example</t></si>");
			if (bloated == Part.SHARED_STRINGS && inflatedBytes > 0) {
				fill(strings, inflatedBytes, textLength, (i, text) -> "<si><t>" + text + "</t></si>");
			}
			strings.write("</sst>");
			strings.flush();
			zip.closeEntry();
		}
		return file;
	}

	private interface Item {

		String xml(long index, String text);

	}

	/**
	 * Items of random text from a four-letter alphabet, at most 32 characters: about 6:1
	 * once deflated.
	 */
	private static void fill(Writer out, long bytes, int textLength, Item item) throws IOException {
		Random random = new Random(42);
		char[] text = new char[Math.min(32, textLength)];
		long written = 0;
		for (long i = 0; written <= bytes; i++) {
			long bits = random.nextLong();
			for (int c = 0; c < text.length; c++, bits >>>= 2) {
				text[c] = "ACGT".charAt((int) (bits & 3));
			}
			String xml = item.xml(i, new String(text));
			out.write(xml);
			written += xml.length();
		}
	}

	private static Writer writer(ZipOutputStream zip) {
		// why: closing the writer would close the zip; each part is flushed instead
		return new java.io.OutputStreamWriter(new java.io.FilterOutputStream(zip) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() {
			}
		}, StandardCharsets.UTF_8);
	}

	private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(xml.strip().getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
