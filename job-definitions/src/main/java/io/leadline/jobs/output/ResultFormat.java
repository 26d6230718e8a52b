package io.leadline.jobs.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The formats a result can be written in, with what storage and HTTP need to label it.
 */
public enum ResultFormat {

	CSV("csv", "text/csv; charset=UTF-8"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final String extension;

	private final String contentType;

	ResultFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	/**
	 * Reads a format name as users type it: {@code "csv"}, {@code "XLSX"},
	 * {@code " Xlsx "}.
	 * @throws IllegalArgumentException naming the accepted values when {@code name} is
	 * none of them
	 */
	@JsonCreator
	public static ResultFormat parse(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("result format is missing, expected one of " + accepted());
		}
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(format -> format.extension.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown result format '" + name + "', expected one of " + accepted()));
	}

	/**
	 * File name extension without the dot: {@code "csv"} or {@code "xlsx"}; also its JSON
	 * form.
	 */
	@JsonValue
	public String extension() {
		return extension;
	}

	/** MIME type for downloads and object metadata. */
	public String contentType() {
		return contentType;
	}

	private static String accepted() {
		return Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "));
	}

}
