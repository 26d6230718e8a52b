package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HeadersTest {

	@ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, nullValues = "NULL", textBlock = """
			First Name|first_name
			E-Mail Address|email_address
			e-mail|email
			' Company '|company
			firstName|first_name
			Prénom|prenom
			Straße|straße
			日本 名前|日本_名前
			Phone #1|phone_1
			__Job   Title__|job_title
			first-name|first_name
			\uFEFFemail|email
			???|''
			NULL|''
			""")
	void normalizesHeadersToLowerCaseWordsJoinedByUnderscores(String header, String key) {
		String normalized = HeaderNormalizer.normalize(header);

		assertThat(normalized).isEqualTo(key);
	}

	@Test
	void namesBlankHeadersByTheirOneBasedPosition() {
		Headers headers = Headers.of(List.of("email", "", "  ", "???"));

		assertThat(headers.keys()).containsExactly("email", "column_2", "column_3", "column_4");
		assertThat(headers.originals()).containsExactly("email", "", "  ", "???");
	}

	@Test
	void suffixesRepeatedKeysInOrder() {
		Headers headers = Headers.of(List.of("Email", "email", "E-Mail", "email_2"));

		assertThat(headers.keys()).containsExactly("email", "email_2", "email_3", "email_2_2");
	}

	@Test
	void findsAColumnByOriginalIgnoringCaseAndSpaceOrByKey() {
		Headers headers = Headers.of(List.of("Name", " E-Mail Address ", "Company"));

		assertThat(headers.indexOf("e-mail address")).hasValue(1);
		assertThat(headers.indexOf("email_address")).hasValue(1);
		assertThat(headers.indexOf("EMAIL ADDRESS")).hasValue(1);
		assertThat(headers.indexOf("phone")).isEmpty();
		assertThat(headers.indexOf(null)).isEmpty();
	}

	@Test
	void widensWithPositionalColumnsForRaggedLongRows() {
		Headers headers = Headers.of(List.of("email", "column_3"));

		Headers wide = headers.widenedTo(4);

		assertThat(wide.originals()).containsExactly("email", "column_3", "column_3", "column_4");
		assertThat(wide.keys()).containsExactly("email", "column_3", "column_3_2", "column_4");
		assertThat(headers.widenedTo(1)).isSameAs(headers);
	}

}
