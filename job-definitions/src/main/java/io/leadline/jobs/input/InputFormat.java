package io.leadline.jobs.input;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The two list formats the engine reads; decided by content, never by the file name. In
 * JSON, keys and the uploads table: {@code csv} or {@code xlsx}.
 */
public enum InputFormat {

	CSV, XLSX;

	private final String extension = name().toLowerCase(Locale.ROOT);

	/** File name extension without the dot: {@code "csv"} or {@code "xlsx"}. */
	@JsonValue
	public String extension() {
		return extension;
	}

	/** Reads {@code csv}, {@code XLSX}...; throws IllegalArgumentException otherwise. */
	@JsonCreator
	public static InputFormat parse(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
