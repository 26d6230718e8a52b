package io.leadline.jobs.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of a workbook through POI's event API (SAX), so a sheet of a
 * million rows never becomes a million row objects. Values are formatted as Excel shows
 * them (dates, numbers), because that is what the user typed and expects back. The shared
 * strings are the one part kept in memory, compactly ({@link CompactSharedStrings}).
 */
final class XlsxTableReader {

	// why: real workbooks compress 5:1 to 20:1; 100:1 is POI's default and a sign of a
	// bomb
	private static final double MIN_INFLATE_RATIO = 0.01;

	private final Path file;

	private final InputLimits limits;

	XlsxTableReader(Path file, InputLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	void read(TableHandler handler) throws IOException {
		checkDeclaredSize();
		applyZipLimits();
		OPCPackage workbook = open();
		try {
			XSSFReader reader = new XSSFReader(workbook);
			checkPartSizes(workbook, reader);
			var strings = CompactSharedStrings.of(workbook);
			var styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnsupportedInputException("the workbook has no sheets");
			}
			SheetRows rows = new SheetRows(handler, new LimitGuard(limits));
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(
						new XSSFSheetXMLHandler(styles, strings, rows, GeneralCellFormat.formatter(), false));
				xml.parse(new InputSource(sheet));
			}
			rows.finish();
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
				| OpenXML4JRuntimeException e) {
			throw translate(e);
		}
		catch (IOException e) {
			if (isZipBomb(e)) {
				throw translate(e);
			}
			throw e;
		}
		finally {
			// why: close() on a read-only package tries to save and logs a warning;
			// revert() just closes
			workbook.revert();
		}
	}

	/**
	 * Inflates (and drops) every part POI would hold in memory before it is parsed:
	 * shared strings are kept whole and styles become a tree, so each is bounded far
	 * below the sheets, which are streamed. Sizes the zip declares can lie; these are the
	 * bytes that really come out. Parts are found both ways POI finds them: by content
	 * type and by the workbook's relationship.
	 */
	private void checkPartSizes(OPCPackage workbook, XSSFReader reader) throws IOException, InvalidFormatException {
		String sheet = XSSFRelation.WORKSHEET.getContentType();
		String sharedStrings = XSSFRelation.SHARED_STRINGS.getContentType();
		for (PackagePart part : workbook.getParts()) {
			// why: the core properties part is POI's own object, not readable as a stream
			if (part.isRelationshipPart() || part instanceof PackagePropertiesPart
					|| sheet.equals(part.getContentType())) {
				continue;
			}
			boolean strings = sharedStrings.equals(part.getContentType());
			try (InputStream in = part.getInputStream()) {
				requireAtMost(in, strings ? limits.maxXlsxSharedStringsBytes() : limits.maxXlsxStylesBytes(),
						strings ? "shared strings" : "part " + part.getPartName().getName());
			}
		}
		try (InputStream styles = reader.getStylesData()) {
			requireAtMost(styles, limits.maxXlsxStylesBytes(), "styles");
		}
		catch (InvalidFormatException noStyles) {
			// why: a workbook without styles has nothing to bound
		}
	}

	private static void requireAtMost(InputStream in, long limit, String what) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		for (int n; (n = in.read(buffer)) > 0;) {
			total += n;
			if (total > limit) {
				throw new InputLimitException(
						"the workbook's %s inflate to more than the limit of %,d bytes; send large lists as CSV"
							.formatted(what, limit));
			}
		}
	}

	private OPCPackage open() throws IOException {
		try {
			return OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (OpenXML4JException | POIXMLException | OpenXML4JRuntimeException e) {
			throw translate(e);
		}
	}

	/**
	 * Cheap first check on the sizes the zip declares; POI then checks the bytes it
	 * really inflates.
	 */
	private void checkDeclaredSize() throws IOException {
		long total = 0;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			var entries = zip.entries();
			while (entries.hasMoreElements()) {
				total += Math.max(0, entries.nextElement().getSize());
			}
		}
		if (total > limits.maxXlsxUncompressedBytes()) {
			throw new InputLimitException(tooLarge());
		}
	}

	// why: POI only offers JVM-wide settings; every read sets them from its own limits
	// right before
	// opening, and the values come from one configuration, so concurrent reads agree on
	// them
	private void applyZipLimits() {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(Math.min(limits.maxXlsxUncompressedBytes(), 0xFFFFFFFFL));
	}

	private RuntimeException translate(Exception e) {
		if (isZipBomb(e)) {
			return new InputLimitException(inflatesTooFar(e) ? tooDense() : tooLarge(), e);
		}
		return new UnsupportedInputException("the workbook cannot be read: " + oneLine(e), e);
	}

	private String tooLarge() {
		return "the workbook inflates to more than the limit of %,d bytes".formatted(limits.maxXlsxUncompressedBytes());
	}

	private static String tooDense() {
		return "the workbook inflates over %.0f times its compressed size, like a zip bomb"
			.formatted(1 / MIN_INFLATE_RATIO);
	}

	private static boolean inflatesTooFar(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (String.valueOf(t.getMessage()).contains("ratio")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isZipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("Zip bomb") || message.contains("max entry size")
					|| message.contains("would exceed the max")) {
				return true;
			}
		}
		return false;
	}

	private static String oneLine(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.replaceAll("\\s+", " ").strip();
	}

}
