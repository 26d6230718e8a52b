package io.leadline.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it appears complete or not at all: temp file beside it, then
 * rename.
 */
final class AtomicFileWrite {

	private AtomicFileWrite() {
	}

	static void replace(Path target, InputStream content) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		Files.createDirectories(directory);
		// why: beside the target, so the rename stays on one filesystem and can be atomic
		Path temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
		try {
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			AtomicMove.replace(temp, absolute);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

}
