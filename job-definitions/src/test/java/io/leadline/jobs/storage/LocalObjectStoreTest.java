package io.leadline.jobs.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalObjectStoreTest {

	@TempDir
	Path root;

	@TempDir
	Path elsewhere;

	private LocalObjectStore store() {
		return new LocalObjectStore(root);
	}

	@Test
	void readsBackWhatWasPut() throws IOException {
		var store = store();
		var file = Files.writeString(elsewhere.resolve("in.csv"), "email\nann@acme.example\n");

		store.put("inputs/acme/42/input.csv", file);

		try (var in = store.open("inputs/acme/42/input.csv")) {
			assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("email\nann@acme.example\n");
		}
		assertThat(root.resolve("inputs/acme/42/input.csv")).hasContent("email\nann@acme.example");
	}

	@Test
	void describesAnObjectBySizeEtagAndModificationTime() throws IOException {
		var store = store();
		write(store, "outputs/acme/42/result.csv", "a,b\r\n");

		var info = store.stat("outputs/acme/42/result.csv").orElseThrow();

		assertThat(info.key()).isEqualTo("outputs/acme/42/result.csv");
		assertThat(info.size()).isEqualTo(5);
		assertThat(info.etag()).isNotBlank();
		assertThat(info.lastModified())
			.isEqualTo(Files.getLastModifiedTime(root.resolve("outputs/acme/42/result.csv")).toInstant());
	}

	@Test
	void changesTheEtagWhenAnObjectIsReplaced() throws IOException {
		var store = store();
		write(store, "a.csv", "one");
		var before = store.stat("a.csv").orElseThrow().etag();

		write(store, "a.csv", "three");

		assertThat(store.stat("a.csv").orElseThrow().etag()).isNotEqualTo(before);
		assertThat(read(store, "a.csv")).isEqualTo("three");
	}

	@Test
	void statsAMissingObjectOrADirectoryAsEmpty() throws IOException {
		var store = store();
		write(store, "work/42/a.csv", "x");

		assertThat(store.stat("work/42/missing.csv")).isEmpty();
		assertThat(store.stat("work/42")).isEmpty();
	}

	@Test
	void failsToOpenAMissingObjectWithNoSuchObject() {
		var store = store();

		assertThatThrownBy(() -> store.open("outputs/acme/42/result.csv")).isInstanceOf(NoSuchObjectException.class)
			.isInstanceOf(FileNotFoundException.class)
			.hasMessage("no object under key 'outputs/acme/42/result.csv'")
			.extracting(e -> ((NoSuchObjectException) e).key())
			.isEqualTo("outputs/acme/42/result.csv");
	}

	@Test
	void hidesACreatedObjectUntilItsStreamIsClosed() throws IOException {
		var store = store();

		try (var out = store.create("outputs/acme/42/result.csv")) {
			out.write("half".getBytes(UTF_8));
			out.flush();

			assertThat(store.stat("outputs/acme/42/result.csv")).isEmpty();
			assertThat(store.list("")).isEmpty();
			assertThat(root.resolve("outputs/acme/42/result.csv")).doesNotExist();
		}

		assertThat(read(store, "outputs/acme/42/result.csv")).isEqualTo("half");
	}

	@Test
	void keepsTheOldObjectVisibleWhileItsReplacementIsWritten() throws IOException {
		var store = store();
		write(store, "result.csv", "old");

		try (var out = store.create("result.csv")) {
			out.write("new".getBytes(UTF_8));

			assertThat(read(store, "result.csv")).isEqualTo("old");
		}

		assertThat(read(store, "result.csv")).isEqualTo("new");
	}

	@Test
	void leavesNothingBehindWhenAborted() throws IOException {
		var store = store();

		try (var out = store.create("outputs/acme/42/result.csv")) {
			out.write("partial".getBytes(UTF_8));
			out.abort();
		}

		assertThat(store.stat("outputs/acme/42/result.csv")).isEmpty();
		assertThat(filesUnder(root)).isEmpty();
	}

	@Test
	void refusesWritesAfterAbort() throws IOException {
		var out = store().create("a.csv");
		out.abort();

		assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class)
			.hasMessageContaining("already closed or aborted");
	}

	@Test
	void publishesWhatTheBodyWrites() throws IOException {
		var store = store();

		store.write("a.csv", out -> out.write("body".getBytes(UTF_8)));

		assertThat(read(store, "a.csv")).isEqualTo("body");
	}

	@Test
	void discardsWhatAFailingBodyWrote() throws IOException {
		var store = store();

		assertThatThrownBy(() -> store.write("a.csv", out -> {
			out.write("partial".getBytes(UTF_8));
			throw new IOException("provider went away");
		})).hasMessage("provider went away");

		assertThat(store.stat("a.csv")).isEmpty();
		assertThat(filesUnder(root)).isEmpty();
	}

	@Test
	void listsEveryObjectUnderAPrefixRecursivelySortedByKey() throws IOException {
		var store = store();
		write(store, "work/42/part-0002/000000101.csv", "c");
		write(store, "work/42/part-0001/000000051.csv", "b");
		write(store, "work/42/part-0001/000000001.csv", "a");
		write(store, "work/42/manifest.json", "m");
		write(store, "work/43/part-0001/000000001.csv", "other job");
		write(store, "work/420/x.csv", "shares the text prefix 'work/42'");

		assertThat(store.list("work/42/")).extracting(ObjectInfo::key)
			.containsExactly("work/42/manifest.json", "work/42/part-0001/000000001.csv",
					"work/42/part-0001/000000051.csv", "work/42/part-0002/000000101.csv");
		assertThat(store.list("work/42/part-")).extracting(ObjectInfo::key)
			.containsExactly("work/42/part-0001/000000001.csv", "work/42/part-0001/000000051.csv",
					"work/42/part-0002/000000101.csv");
		assertThat(store.list("work/42/man")).extracting(ObjectInfo::key).containsExactly("work/42/manifest.json");
		assertThat(store.list("work/42")).extracting(ObjectInfo::key).contains("work/420/x.csv").hasSize(5);
		assertThat(store.list("")).hasSize(6);
	}

	@Test
	void listsNothingForAnUnknownPrefixOrAnEmptyStore() throws IOException {
		var store = new LocalObjectStore(root.resolve("not-yet-created"));

		assertThat(store.list("")).isEmpty();
		assertThat(store.list("work/99/")).isEmpty();
	}

	@Test
	void skipsTheTemporaryAreaWhenListing() throws IOException {
		var store = store();
		write(store, "a.csv", "a");

		try (var pending = store.create("b.csv")) {
			pending.write('b');

			assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("a.csv");
		}
	}

	@Test
	void deletesAnObjectIdempotentlyAndPrunesEmptyDirectories() throws IOException {
		var store = store();
		write(store, "inputs/acme/42/input.csv", "x");

		store.delete("inputs/acme/42/input.csv");
		store.delete("inputs/acme/42/input.csv");

		assertThat(store.stat("inputs/acme/42/input.csv")).isEmpty();
		assertThat(root.resolve("inputs")).doesNotExist();
	}

	@Test
	void deletesEveryObjectUnderAPrefixAndNothingElse() throws IOException {
		var store = store();
		write(store, "work/42/part-0001/a.csv", "a");
		write(store, "work/42/part-0002/b.csv", "b");
		write(store, "work/420/keep.csv", "keep");

		store.deletePrefix("work/42/");
		store.deletePrefix("work/42/");

		assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("work/420/keep.csv");
		assertThat(root.resolve("work/42")).doesNotExist();
	}

	@Test
	void refusesToDeleteTheWholeStore() {
		assertThatIllegalArgumentException().isThrownBy(() -> store().deletePrefix(""))
			.withMessageContaining("prefix is empty");
	}

	@Test
	void copiesAnObjectToAFileCreatingItsParentDirectories() throws IOException {
		var store = store();
		write(store, "outputs/acme/42/result.csv", "a,b\r\n");
		var target = elsewhere.resolve("exports/2024/result.csv");

		store.copyTo("outputs/acme/42/result.csv", target);

		assertThat(Files.readString(target)).isEqualTo("a,b\r\n");
		assertThat(filesUnder(target.getParent())).containsExactly(target);
	}

	@Test
	void replacesAnExistingFileWhenCopying() throws IOException {
		var store = store();
		write(store, "result.csv", "new");
		var target = Files.writeString(elsewhere.resolve("result.csv"), "old and longer");

		store.copyTo("result.csv", target);

		assertThat(Files.readString(target)).isEqualTo("new");
	}

	@Test
	void leavesTheTargetUntouchedWhenCopyingAMissingObject() {
		var target = elsewhere.resolve("exports/result.csv");

		assertThatThrownBy(() -> store().copyTo("missing.csv", target)).isInstanceOf(NoSuchObjectException.class);
		assertThat(target.getParent()).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "/abs", "a//b", "a\\b", "a/../../x", ".tmp/object-1.part" })
	void rejectsUnsafeKeysInEveryOperation(String key) {
		var store = store();

		assertThatIllegalArgumentException().isThrownBy(() -> store.create(key));
		assertThatIllegalArgumentException().isThrownBy(() -> store.open(key));
		assertThatIllegalArgumentException().isThrownBy(() -> store.stat(key));
		assertThatIllegalArgumentException().isThrownBy(() -> store.delete(key));
		assertThatIllegalArgumentException().isThrownBy(() -> store.put(key, root));
		assertThatIllegalArgumentException().isThrownBy(() -> store.copyTo(key, elsewhere.resolve("x")));
		assertThat(elsewhere.resolve("x")).doesNotExist();
	}

	@Test
	void rejectsUnsafePrefixesWhenListingOrDeleting() {
		var store = store();

		assertThatIllegalArgumentException().isThrownBy(() -> store.list("../"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.deletePrefix("/"));
	}

	private static void write(ObjectStore store, String key, String content) throws IOException {
		store.write(key, out -> out.write(content.getBytes(UTF_8)));
	}

	private static String read(ObjectStore store, String key) throws IOException {
		try (var in = store.open(key)) {
			return new String(in.readAllBytes(), UTF_8);
		}
	}

	private static List<Path> filesUnder(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
