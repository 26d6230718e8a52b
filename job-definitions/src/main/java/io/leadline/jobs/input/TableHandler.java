package io.leadline.jobs.input;

import java.util.List;

/**
 * Push-style consumer of a table, so a reader can stream millions of records without ever
 * holding more than one.
 */
public interface TableHandler {

	/** Called once, before any row: the header cells as written (a BOM is removed). */
	void header(List<String> names);

	/**
	 * Each data record in file order, blank ones included: the caller decides what blank
	 * means.
	 */
	void row(SourceRecord record);

}
