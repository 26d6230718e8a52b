package io.leadline.jobs.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV in UTF-8: comma-separated, fields quoted only when they contain a comma,
 * quote, CR or LF, quotes doubled, records ended by CRLF. CRLF because RFC 4180 and Excel
 * expect it, and every CSV reader accepts it. Every cell goes through
 * {@link CellSanitizer#forCsv}.
 */
final class CsvResultSink implements ResultSink {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setRecordSeparator("\r\n")
		// why: a spreadsheet in a ';' locale splits an unquoted "Acme;=CMD()" into two
		// cells, the second a formula; a quoted field is one cell in every locale
		.setQuoteMode(QuoteMode.ALL)
		.get();

	private final CSVPrinter printer;

	private final TableOrder order = new TableOrder();

	CsvResultSink(OutputStream out, boolean bom) {
		Writer writer = new BufferedWriter(new OutputStreamWriter(new CallerOwnedStream(out), StandardCharsets.UTF_8));
		try {
			if (bom) {
				writer.write(BYTE_ORDER_MARK);
			}
			this.printer = new CSVPrinter(writer, FORMAT);
		}
		catch (IOException e) {
			// why: nothing reaches the stream before the buffer fills, so this cannot
			// happen in practice
			throw new IllegalStateException("cannot start CSV output", e);
		}
	}

	@Override
	public void header(List<String> names) throws IOException {
		order.beforeHeader();
		print(names);
	}

	@Override
	public void row(List<String> cells) throws IOException {
		order.beforeRow();
		print(cells);
	}

	@Override
	public void close() throws IOException {
		if (order.close()) {
			printer.close(true);
		}
	}

	private void print(List<String> cells) throws IOException {
		for (String cell : cells) {
			printer.print(CellSanitizer.forCsv(cell));
		}
		printer.println();
	}

}
