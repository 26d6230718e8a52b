package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailColumnTest {

	@ParameterizedTest(name = "finds \"{0}\"")
	@ValueSource(
			strings = { "Email", "E-Mail", "email address", "Work Email", "Mail", "Contact Email Address", "EMAIL_1" })
	void guessesTheEmailColumnByHeaderName(String header) {
		Headers headers = Headers.of(List.of("Name", "Company", header));

		assertThat(EmailColumn.guess(headers)).hasValue(2);
	}

	@Test
	void prefersTheMostTellingHeader() {
		Headers headers = Headers.of(List.of("Personal Email", "Mail", "E-Mail"));

		assertThat(EmailColumn.guess(headers)).hasValue(2);
	}

	@Test
	void findsNothingByNameWhenNoHeaderLooksLikeAnEmail() {
		Headers headers = Headers.of(List.of("Name", "Contact", "Company"));

		assertThat(EmailColumn.guess(headers)).isEmpty();
	}

	@Test
	void fallsBackToTheColumnWhoseSampleValuesAreMostlyEmails() {
		Headers headers = Headers.of(List.of("Name", "Notes", "Contact"));
		List<List<String>> sample = List.of(List.of("Ann", "write to bob@x.io", "ann@x.io"),
				List.of("Bob", "", "bob@y.io"), List.of("Cid", "call", "n/a"), List.of("Dee", "", "dee@z.io"));

		assertThat(EmailColumn.guess(headers, sample)).hasValue(2);
	}

	@Test
	void guessesNothingWhenSampleValuesAreRarelyEmails() {
		Headers headers = Headers.of(List.of("Name", "Notes"));
		List<List<String>> sample = List.of(List.of("Ann", "ann@x.io"), List.of("Bob", "call"),
				List.of("Cid", "later"));

		assertThat(EmailColumn.guess(headers, sample)).isEmpty();
	}

	@Test
	void resolvesAnExplicitColumnByNameOrKey() {
		Headers headers = Headers.of(List.of("Name", "Business E-Mail", "Other"));

		assertThat(EmailColumn.resolve(headers, "business e-mail")).isEqualTo(1);
		assertThat(EmailColumn.resolve(headers, "business_email")).isEqualTo(1);
		assertThat(EmailColumn.resolve(headers, null)).isEqualTo(1);
	}

	@Test
	void namesTheColumnsWhenTheRequestedOneIsMissing() {
		Headers headers = Headers.of(List.of("a", "b", "c"));

		assertThatThrownBy(() -> EmailColumn.resolve(headers, "X")).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("no column named 'X'; columns are: a, b, c");
	}

	@Test
	void asksForTheColumnWhenNoneCanBeGuessed() {
		Headers headers = Headers.of(List.of("Name", "Company"));

		assertThatThrownBy(() -> EmailColumn.resolve(headers, " ")).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("no email column found; columns are: Name, Company; pass --email-column");
	}

}
