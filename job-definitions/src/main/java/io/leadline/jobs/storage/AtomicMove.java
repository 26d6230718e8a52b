package io.leadline.jobs.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The one rename every atomic write here ends with. */
final class AtomicMove {

	private AtomicMove() {
	}

	/**
	 * Renames {@code source} over {@code target}, replacing it; readers see one or the
	 * other.
	 */
	static void replace(Path source, Path target) throws IOException {
		Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
