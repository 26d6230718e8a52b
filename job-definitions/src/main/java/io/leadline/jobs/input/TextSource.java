package io.leadline.jobs.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text file as characters the way sniffing decided: right charset, BOM skipped.
 */
final class TextSource {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TextSource() {
	}

	static Reader open(Path file, SniffedFormat format) throws IOException {
		InputStream in = Files.newInputStream(file);
		try {
			if (format.bom()) {
				in.skipNBytes(ByteOrderMark.of(format.charset()).orElseThrow().length());
			}
			return new BufferedReader(new InputStreamReader(in, format.charset()), 64 * 1024);
		}
		catch (IOException | RuntimeException e) {
			in.close();
			throw e;
		}
	}

	/**
	 * Whether every byte of the file is valid UTF-8. The whole file is checked
	 * (streaming, constant memory) because one windows-1252 "ü" on row 900,000 would
	 * otherwise become garbage.
	 */
	static boolean isValidUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		try (InputStream in = Files.newInputStream(file)) {
			int read;
			while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
				bytes.position(bytes.position() + read);
				bytes.flip();
				if (decoder.decode(bytes, chars, false).isError()) {
					return false;
				}
				chars.clear();
				bytes.compact();
			}
			bytes.flip();
			boolean valid = !decoder.decode(bytes, chars, true).isError();
			return valid && !decoder.flush(chars).isError();
		}
	}

	/** Decodes a file's first bytes leniently, for sniffing only. */
	static String decodeHead(byte[] head, int offset, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(head, offset, head.length - offset))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new IllegalStateException("a replacing decoder cannot fail", e);
		}
	}

}
