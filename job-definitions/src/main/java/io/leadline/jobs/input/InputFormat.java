package io.leadline.jobs.input;

/** The two list formats the engine reads; decided by content, never by the file name. */
public enum InputFormat {

	CSV, XLSX

}
