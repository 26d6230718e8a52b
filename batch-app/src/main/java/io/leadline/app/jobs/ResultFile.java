package io.leadline.app.jobs;

import java.io.IOException;
import java.io.InputStream;

import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.storage.ObjectStore;

/**
 * A job's paid result, ready to be sent: its download name, format and size; the stream
 * opens on {@link #open()}.
 *
 * @param fileName {@code prospects.csv} becomes {@code prospects-enriched.xlsx}
 */
public record ResultFile(String fileName, ResultFormat format, long size, String key, ObjectStore store) {

	public InputStream open() throws IOException {
		return store.open(key);
	}

	/** {@code prospects.csv} → {@code prospects-enriched.xlsx} */
	static String nameFor(String listName, ResultFormat format) {
		int dot = listName.lastIndexOf('.');
		String base = dot > 0 ? listName.substring(0, dot) : listName;
		return base + "-enriched." + format.extension();
	}

}
