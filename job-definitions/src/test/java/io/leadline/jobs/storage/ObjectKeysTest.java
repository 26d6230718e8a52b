package io.leadline.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

	@ParameterizedTest
	@ValueSource(strings = { "result.csv", "outputs/acme/42/result.xlsx", "work/42/part-0001/000000001.csv",
			"inputs/acme/42/Prospects Q3 (final).csv", "a/.hidden" })
	void acceptsKeysBuiltFromIds(String key) {
		assertThat(ObjectKeys.requireSafe(key)).isEqualTo(key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "a/../../etc/passwd", "a/..", "..", "a..b", "/abs", "/", "a//b", "a/", "a\\b",
			"..\\x", "./a", "a/./b", "a\u0000b", "a\nb", "" })
	void rejectsKeysThatCouldEscapeOrAreAmbiguous(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.requireSafe(key))
			.withMessageStartingWith(key.isEmpty() ? "object key is empty" : "unsafe object key");
	}

	@Test
	void rejectsANullKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.requireSafe(null));
	}

	@Test
	void namesTheKeyAndTheProblem() {
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.requireSafe("/abs"))
			.withMessage("unsafe object key '/abs': starts with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.requireSafe("a//b"))
			.withMessage("unsafe object key 'a//b': has an empty segment");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "work/", "work/42/part-", "work/42/", "w" })
	void acceptsPrefixesEndingWithASlashOrMidName(String prefix) {
		assertThat(ObjectKeys.requireSafePrefix(prefix)).isEqualTo(prefix);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/work", "../", "work//", "work//x", "a\\b", "../work" })
	void rejectsUnsafePrefixes(String prefix) {
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.requireSafePrefix(prefix))
			.withMessageStartingWith("unsafe object prefix");
	}

}
