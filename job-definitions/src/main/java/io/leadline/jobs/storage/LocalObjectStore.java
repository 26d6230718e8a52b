package io.leadline.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ObjectStore} on local disk: the object under {@code a/b.csv} is the file
 * {@code root/a/b.csv}. Several JVMs may share the root (the CLI beside the app).
 *
 * <ul>
 * <li>Writes go to {@code root/.tmp} and are renamed into place with an atomic move,
 * which the shared filesystem guarantees; data is forced to disk before the rename, so
 * after a crash a key holds the old or the new object, never a torn one. Leftovers of a
 * crash stay in {@code .tmp}, invisible to {@link #list}; the key {@code .tmp} itself is
 * reserved.
 * <li>The etag is {@code <size hex>-<mtime nanos hex>}: cheap (no read of a million-row
 * file) and new on every publish, since each publish renames a freshly written file. It
 * does not prove two objects have equal content.
 * <li>Deleting removes directories left empty, so finished jobs leave no trace.
 * <li>Unlike S3, a key cannot be both an object and a prefix of another ({@code a} and
 * {@code a/b}): the second write fails with an {@link IOException}. Keys built from ids
 * never do this.
 * </ul>
 */
public final class LocalObjectStore implements ObjectStore {

	static final String TEMP_DIRECTORY = ".tmp";

	private static final int PUBLISH_ATTEMPTS = 3;

	private final Path root;

	private final Path temp;

	public LocalObjectStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.temp = this.root.resolve(TEMP_DIRECTORY);
	}

	@Override
	public ObjectOutput create(String key) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(temp);
		return new LocalObjectOutput(Files.createTempFile(temp, "object-", ".part"), this::publish, target);
	}

	@Override
	public String location(String key) {
		return pathOf(key).toString();
	}

	@Override
	public InputStream open(String key) throws IOException {
		Path file = pathOf(key);
		if (!Files.isRegularFile(file)) {
			throw new NoSuchObjectException(key);
		}
		try {
			return Files.newInputStream(file);
		}
		catch (NoSuchFileException deletedMeanwhile) {
			throw new NoSuchObjectException(key);
		}
	}

	@Override
	public Optional<ObjectInfo> stat(String key) throws IOException {
		Path file = pathOf(key);
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return attributes.isRegularFile() ? Optional.of(info(key, attributes)) : Optional.empty();
		}
		catch (NoSuchFileException absent) {
			return Optional.empty();
		}
	}

	@Override
	public List<ObjectInfo> list(String prefix) throws IOException {
		ObjectKeys.requireSafePrefix(prefix);
		// why: walk only the deepest directory the prefix names, not the whole store
		String directoryPart = prefix.substring(0, prefix.lastIndexOf('/') + 1);
		Path start = directoryPart.isEmpty() ? root : root.resolve(directoryPart);
		if (!Files.isDirectory(start)) {
			return List.of();
		}
		List<ObjectInfo> found = new ArrayList<>();
		Files.walkFileTree(start, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				if (dir.equals(temp)) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				String key = keyOf(file);
				if (attributes.isRegularFile() && key.startsWith(prefix)) {
					found.add(info(key, attributes));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
				if (failure instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE; // why: deleted by another writer
														// while we walked
				}
				throw failure;
			}
		});
		found.sort(Comparator.comparing(ObjectInfo::key));
		return found;
	}

	@Override
	public void delete(String key) throws IOException {
		Path file = pathOf(key);
		if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
			removeEmptyDirectoriesAbove(file);
		}
	}

	@Override
	public void deletePrefix(String prefix) throws IOException {
		if (ObjectKeys.requireSafePrefix(prefix).isEmpty()) {
			throw new IllegalArgumentException("refusing to delete every object: prefix is empty");
		}
		for (ObjectInfo object : list(prefix)) {
			delete(object.key());
		}
	}

	@Override
	public String toString() {
		return "LocalObjectStore[" + root + "]";
	}

	private Path pathOf(String key) {
		ObjectKeys.requireSafe(key);
		if (key.equals(TEMP_DIRECTORY) || key.startsWith(TEMP_DIRECTORY + "/")) {
			throw new IllegalArgumentException("object key '" + key + "' is reserved for temporary files");
		}
		Path path = root.resolve(key).normalize();
		// why: defence in depth for what ObjectKeys cannot know, e.g. a drive letter on
		// Windows
		if (!path.startsWith(root) || path.equals(root)) {
			throw new IllegalArgumentException("object key '" + key + "' escapes " + root);
		}
		return path;
	}

	private String keyOf(Path file) {
		return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	private void publish(Path written, Path target) throws IOException {
		for (int attempt = 1;; attempt++) {
			Files.createDirectories(target.getParent());
			try {
				AtomicMove.replace(written, target);
				return;
			}
			catch (NoSuchFileException parentRemoved) {
				// why: a concurrent delete may prune the empty parent between
				// createDirectories and move
				if (attempt == PUBLISH_ATTEMPTS) {
					throw parentRemoved;
				}
			}
		}
	}

	private void removeEmptyDirectoriesAbove(Path file) throws IOException {
		for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
			try {
				Files.deleteIfExists(dir);
			}
			catch (DirectoryNotEmptyException stillUsed) {
				return;
			}
		}
	}

	private static ObjectInfo info(String key, BasicFileAttributes attributes) {
		long size = attributes.size();
		long modifiedNanos = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
		String etag = Long.toHexString(size) + "-" + Long.toHexString(modifiedNanos);
		return new ObjectInfo(key, size, etag, attributes.lastModifiedTime().toInstant());
	}

}
