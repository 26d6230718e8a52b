/**
 * The final table: {@link io.leadline.jobs.output.ResultSink} streams a header and rows
 * to CSV or XLSX ({@link io.leadline.jobs.output.ResultSinks#open}), and
 * {@link io.leadline.jobs.output.CellSanitizer} keeps every cell safe to open in a
 * spreadsheet.
 */
package io.leadline.jobs.output;
