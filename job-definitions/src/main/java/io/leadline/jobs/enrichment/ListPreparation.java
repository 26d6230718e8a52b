package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadline.jobs.input.InputFormat;
import io.leadline.jobs.input.EmailAddress;
import io.leadline.jobs.input.EmailColumn;
import io.leadline.jobs.input.EmailDedup;
import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;
import io.leadline.jobs.input.SourceRecord;
import io.leadline.jobs.input.TableHandler;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The prepare pass over one list: validates and de-duplicates emails, settles every row
 * that needs no provider (invalid, duplicate, unreadable, or no provider configured) into
 * resolved segments, and deals the rest to partition files in blocks of one chunk, so
 * partitions progress together and chunk ranges never overlap within a partition. Memory
 * holds only the dedup hash map.
 */
final class ListPreparation implements TableHandler, AutoCloseable {

	private final ObjectStore store;

	private final WorkArea work;

	private final EnrichmentRequest request;

	private final String noProviderReason;

	private final int segmentRows;

	private final EmailDedup dedup;

	private final List<WorkFile.Writer<ProspectRow>> partitions = new ArrayList<>();

	private WorkFile.Writer<RowRecord> segment;

	private long segmentSize;

	private Headers headers;

	private int emailColumn;

	private FieldMapping fields;

	private int width;

	private long dataRows, blankRows, pendingRows, invalidRows, duplicateRows, unreadableRows, noProviderRows;

	/**
	 * @param noProviderReason why rows cannot be researched, or null when providers are
	 * configured
	 */
	ListPreparation(ObjectStore store, EnrichmentRequest request, String noProviderReason, int segmentRows) {
		this.store = store;
		this.work = request.workArea();
		this.request = request;
		this.noProviderReason = noProviderReason;
		this.segmentRows = segmentRows;
		this.dedup = new EmailDedup((int) Math.min(Math.max(request.rowCount(), 1024), 50_000_000));
	}

	@Override
	public void header(List<String> names) {
		headers = Headers.of(names);
		width = headers.size();
		emailColumn = EmailColumn.resolve(headers, request.emailColumn());
		try {
			fields = FieldMapping.recognize(headers, emailColumn).overriddenBy(request.fields());
		}
		catch (IllegalArgumentException e) {
			throw new UnsupportedInputException(e.getMessage());
		}
		// why: every partition gets its file, even an empty one, so each worker step
		// finds its input
		try {
			for (int p = 0; p < request.partitions(); p++) {
				partitions.add(new WorkFile.Writer<>(store.create(work.partitionInputKey(p)), ProspectRow::toFields));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void row(SourceRecord record) {
		if (record.isBlank()) {
			blankRows++;
			return;
		}
		dataRows++;
		width = Math.max(width, record.cells().size());
		try {
			route(record);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void route(SourceRecord record) throws IOException {
		long row = record.rowNumber();
		if (record.hasError()) {
			unreadableRows++;
			resolve(RowRecord.resolved(row, RowStatus.SKIPPED, "unreadable row: " + record.error(),
					List.of(record.raw() == null ? "" : record.raw())));
			return;
		}
		List<String> cells = record.cells();
		String rawEmail = emailColumn < cells.size() ? cells.get(emailColumn) : "";
		Optional<String> email = EmailAddress.clean(rawEmail);
		if (email.isEmpty()) {
			invalidRows++;
			resolve(RowRecord.resolved(row, RowStatus.INVALID, invalidReason(rawEmail), cells));
			return;
		}
		long firstRow = dedup.firstOccurrence(email.get(), row);
		if (firstRow != 0) {
			duplicateRows++;
			resolve(RowRecord.duplicateOf(row, firstRow, cells));
			return;
		}
		if (noProviderReason != null) {
			noProviderRows++;
			resolve(RowRecord.resolved(row, RowStatus.NO_PROVIDER, noProviderReason, cells));
			return;
		}
		int partition = (int) ((pendingRows / request.chunkSize()) % request.partitions());
		pendingRows++;
		partitions.get(partition).write(new ProspectRow(row, email.get(), cells));
	}

	private static String invalidReason(String rawEmail) {
		return rawEmail.isBlank() ? "no email address" : "invalid email address";
	}

	private void resolve(RowRecord record) throws IOException {
		if (segment == null || segmentSize >= segmentRows) {
			closeSegment();
			segment = new WorkFile.Writer<>(store.create(work.resolvedKey(record.rowNumber())), RowRecord::toFields);
			segmentSize = 0;
		}
		segment.write(record);
		segmentSize++;
	}

	private void closeSegment() throws IOException {
		if (segment != null) {
			segment.close();
			segment = null;
		}
	}

	/** Publishes every work object and returns what merge needs to know. */
	JobMeta finish(InputFormat format) throws IOException {
		if (headers == null) {
			throw new IllegalStateException("the list has no header row");
		}
		close();
		try (var out = store.create(work.duplicateTargetsKey());
				var writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII))) {
			for (long row : dedup.rowsWithDuplicates()) {
				writer.println(row);
			}
		}
		return new JobMeta(headers.widenedTo(width).originals(), emailColumn, headers.originals().get(emailColumn),
				format, dataRows, blankRows, pendingRows,
				new RowCounts(Map.of(RowStatus.INVALID, invalidRows, RowStatus.DUPLICATE, duplicateRows,
						RowStatus.SKIPPED, unreadableRows, RowStatus.NO_PROVIDER, noProviderRows)),
				fields.toKeys());
	}

	@Override
	public void close() throws IOException {
		closeSegment();
		for (WorkFile.Writer<ProspectRow> partition : partitions) {
			partition.close();
		}
		partitions.clear();
	}

}
