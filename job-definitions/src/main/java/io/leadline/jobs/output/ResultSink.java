package io.leadline.jobs.output;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Streaming writer of the final table: the header once, then rows. Implementations never
 * hold more than a bounded window of rows in memory, so a list of millions of rows writes
 * in constant space.
 *
 * <p>
 * The sink does <em>not</em> own the stream it writes to: {@link #close()} finishes the
 * document (CSV: flush; XLSX: write the workbook) and flushes the stream, but leaves it
 * open. Closing the stream is the caller's decision because, for an {@code ObjectOutput},
 * closing means publishing:
 *
 * <pre>{@code
 * store.write("outputs/acme/42/result.xlsx", out -> {
 *   try (ResultSink sink = ResultSinks.open(ResultFormat.XLSX, out, false)) {
 *     sink.header(List.of("email", "sif_status"));
 *     sink.row(List.of("ann@x.io", "ok"));
 *   }
 * });
 * }</pre>
 *
 * Cells are sanitized by the sink ({@link CellSanitizer}); callers pass raw values,
 * {@code null} is written as an empty cell.
 */
public interface ResultSink extends Closeable {

	/**
	 * Writes the header row. Must be called exactly once, before any row.
	 * @throws IllegalStateException if a header or a row was already written
	 */
	void header(List<String> names) throws IOException;

	/**
	 * Writes one data row, in the order received.
	 * @throws IllegalStateException if no header was written yet, or the sink is closed
	 */
	void row(List<String> cells) throws IOException;

	/** Finishes the document and flushes the stream, leaving it open. Idempotent. */
	@Override
	void close() throws IOException;

}
