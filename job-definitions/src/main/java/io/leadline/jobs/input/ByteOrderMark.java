package io.leadline.jobs.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The byte order marks we honour; a BOM is the only reliable sign of UTF-16. */
enum ByteOrderMark {

	UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF), UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
	UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF);

	private final Charset charset;

	private final int[] bytes;

	ByteOrderMark(Charset charset, int... bytes) {
		this.charset = charset;
		this.bytes = bytes;
	}

	static Optional<ByteOrderMark> at(byte[] head) {
		for (ByteOrderMark bom : values()) {
			if (bom.startsOf(head)) {
				return Optional.of(bom);
			}
		}
		return Optional.empty();
	}

	static Optional<ByteOrderMark> of(Charset charset) {
		for (ByteOrderMark bom : values()) {
			if (bom.charset.equals(charset)) {
				return Optional.of(bom);
			}
		}
		return Optional.empty();
	}

	Charset charset() {
		return charset;
	}

	int length() {
		return bytes.length;
	}

	private boolean startsOf(byte[] head) {
		if (head.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

}
