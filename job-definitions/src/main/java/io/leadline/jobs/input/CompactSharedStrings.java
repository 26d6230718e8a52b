package io.leadline.jobs.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings as one run of UTF-8 bytes (in blocks of 1 MiB) and the
 * offset where each string starts. POI's read-only table keeps a {@code String} per
 * entry, about three times the part's size in heap for short texts, so a few workbooks of
 * millions of tiny distinct strings, each under the part limit, could still exhaust a
 * server; here the heap stays below the part's size. An entry's text is what POI reads:
 * every {@code <t>} of its {@code <si>}, rich-text and phonetic runs included.
 */
final class CompactSharedStrings extends DefaultHandler implements SharedStrings {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final int BLOCK_BITS = 20;

	private static final int BLOCK = 1 << BLOCK_BITS;

	private final List<byte[]> blocks = new ArrayList<>();

	private int size;

	/** {@code starts[i]} is where string i begins; {@code starts[count]} is the end. */
	private int[] starts = new int[1024];

	private int count;

	private final StringBuilder text = new StringBuilder();

	private boolean inText;

	private CompactSharedStrings() {
	}

	/** The workbook's shared strings; none when it has no such part. */
	static CompactSharedStrings of(OPCPackage workbook) throws IOException, SAXException {
		List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return new CompactSharedStrings();
		}
		try (InputStream in = parts.get(0).getInputStream()) {
			return read(in);
		}
	}

	/** The strings of a shared-strings part ({@code <sst>}). */
	static CompactSharedStrings read(InputStream part) throws IOException, SAXException {
		CompactSharedStrings strings = new CompactSharedStrings();
		try {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(strings);
			xml.parse(new InputSource(part));
		}
		catch (ParserConfigurationException e) {
			throw new SAXException(e);
		}
		return strings;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		if (!MAIN.equals(uri)) {
			return;
		}
		if ("si".equals(localName)) {
			text.setLength(0);
		}
		else if ("t".equals(localName)) {
			inText = true;
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		if (!MAIN.equals(uri)) {
			return;
		}
		if ("t".equals(localName)) {
			inText = false;
		}
		else if ("si".equals(localName)) {
			add(text.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (inText) {
			text.append(ch, start, length);
		}
	}

	@Override
	public RichTextString getItemAt(int index) {
		if (index < 0 || index >= count) {
			throw new IndexOutOfBoundsException("shared string " + index + " of " + count);
		}
		byte[] utf8 = new byte[starts[index + 1] - starts[index]];
		for (int done = 0, at = starts[index]; done < utf8.length;) {
			int within = at & (BLOCK - 1);
			int n = Math.min(BLOCK - within, utf8.length - done);
			System.arraycopy(blocks.get(at >>> BLOCK_BITS), within, utf8, done, n);
			done += n;
			at += n;
		}
		return new XSSFRichTextString(new String(utf8, StandardCharsets.UTF_8));
	}

	@Override
	public int getCount() {
		return count;
	}

	@Override
	public int getUniqueCount() {
		return count;
	}

	private void add(byte[] utf8) {
		if (utf8.length > Integer.MAX_VALUE - size) {
			throw new InputLimitException("the workbook's shared strings hold more than 2 GB of text");
		}
		if (count + 2 > starts.length) {
			starts = Arrays.copyOf(starts, starts.length * 2);
		}
		for (int done = 0; done < utf8.length;) {
			int within = size & (BLOCK - 1);
			if (within == 0 && (size >>> BLOCK_BITS) == blocks.size()) {
				blocks.add(new byte[BLOCK]);
			}
			int n = Math.min(BLOCK - within, utf8.length - done);
			System.arraycopy(utf8, done, blocks.get(size >>> BLOCK_BITS), within, n);
			done += n;
			size += n;
		}
		count++;
		starts[count] = size;
	}

}
