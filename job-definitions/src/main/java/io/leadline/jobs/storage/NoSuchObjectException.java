package io.leadline.jobs.storage;

import java.io.FileNotFoundException;

/**
 * There is no object under the key asked for. A {@link FileNotFoundException} so code
 * that reads files and objects alike can catch one type.
 */
public class NoSuchObjectException extends FileNotFoundException {

	private final String key;

	public NoSuchObjectException(String key) {
		super("no object under key '" + key + "'");
		this.key = key;
	}

	public String key() {
		return key;
	}

}
