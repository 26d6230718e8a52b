package io.leadline.app.jobs;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;

/**
 * What the caller asked for when starting a list; every field may be left out.
 *
 * <pre>{@code
 * ListOptions.defaults().withEmailColumn("Work email").withFormat(ResultFormat.CSV)
 * }</pre>
 *
 * @param emailColumn header or key of the email column; null uses the guess
 * @param service the offer to write about; null uses the account's default, else the
 * generic one
 * @param format the result format; null keeps the list's own format
 * @param outputColumns original columns to keep; empty keeps all
 * @param exportPath a local file the result is copied to at the end (CLI), or null
 * @param fields corrections of the recognised prospect fields ({@code company ->
 * Organisation}; an empty column unmaps the field)
 * @param mode live or batch (the model calls through the provider's Batch API); null is
 * live
 */
public record ListOptions(String emailColumn, ServiceContext service, ResultFormat format, List<String> outputColumns,
		Path exportPath, Map<String, String> fields, EnrichmentMode mode) {

	public ListOptions {
		emailColumn = emailColumn == null || emailColumn.isBlank() ? null : emailColumn;
		outputColumns = outputColumns == null ? List.of() : List.copyOf(outputColumns);
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public ListOptions(String emailColumn, ServiceContext service, ResultFormat format, List<String> outputColumns,
			Path exportPath) {
		this(emailColumn, service, format, outputColumns, exportPath, Map.of(), null);
	}

	public ListOptions(String emailColumn, ServiceContext service, ResultFormat format, List<String> outputColumns,
			Path exportPath, Map<String, String> fields) {
		this(emailColumn, service, format, outputColumns, exportPath, fields, null);
	}

	public ListOptions withMode(EnrichmentMode mode) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

	public static ListOptions defaults() {
		return new ListOptions(null, null, null, List.of(), null);
	}

	public ListOptions withFields(Map<String, String> fields) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

	public ListOptions withEmailColumn(String emailColumn) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

	public ListOptions withService(ServiceContext service) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

	public ListOptions withFormat(ResultFormat format) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

	public ListOptions withOutputColumns(List<String> outputColumns) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

	public ListOptions withExportPath(Path exportPath) {
		return new ListOptions(emailColumn, service, format, outputColumns, exportPath, fields, mode);
	}

}
