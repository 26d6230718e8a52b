package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

	@ParameterizedTest(name = "\"{0}\" cleans to {1}")
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
			ann@example.com|ann@example.com
			'  Ann.Lee@Example.COM '|Ann.Lee@example.com
			mailto:ann@example.com|ann@example.com
			MAILTO:ann@example.com|ann@example.com
			<ann@example.com>|ann@example.com
			"ann@example.com"|ann@example.com
			'<mailto:ann@example.com>'|ann@example.com
			ann+leads@sub.example.co.uk|ann+leads@sub.example.co.uk
			o'brien@example.ie|o'brien@example.ie
			jürgen@müller.de|jürgen@müller.de
			a@xn--mller-kva.de|a@xn--mller-kva.de
			""")
	void cleansValidAddresses(String raw, String cleaned) {
		assertThat(EmailAddress.clean(raw)).hasValue(cleaned);
	}

	@ParameterizedTest(name = "\"{0}\" is invalid")
	@ValueSource(strings = { "n/a", "ann", "ann@", "@example.com", "ann@example", "ann@@example.com",
			"ann smith@example.com", "ann@exa mple.com", "ann..lee@example.com", ".ann@example.com", "ann.@example.com",
			"ann@example..com", "ann@-example.com", "ann@example-.com", "ann@example.c", "ann@example.123",
			"ann@.example.com", "ann,bob@example.com", "ann@example.com;bob@example.com" })
	void rejectsInvalidAddresses(String raw) {
		assertThat(EmailAddress.clean(raw)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void rejectsMissingAddresses(String raw) {
		assertThat(EmailAddress.clean(raw)).isEmpty();
	}

	@Test
	void rejectsAddressesLongerThan254Characters() {
		String local = "a".repeat(64);
		String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + "." + "g".repeat(60) + ".com";

		assertThat(EmailAddress.clean(local + "@" + domain)).isEmpty();
		assertThat(EmailAddress.clean("a".repeat(65) + "@example.com")).isEmpty();
	}

	@Test
	void splitsUserAndLowerCaseDomain() {
		String email = "Ann.Lee@Example.COM";

		assertThat(EmailAddress.user(email)).isEqualTo("Ann.Lee");
		assertThat(EmailAddress.domain(email)).isEqualTo("example.com");
	}

	@Test
	void refusesToSplitSomethingWithoutAnAt() {
		assertThatThrownBy(() -> EmailAddress.domain("nobody")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("not an email address: nobody");
	}

}
