package io.leadline.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureMessagesTest {

	@Test
	void showsOwnersAStableMessageInsteadOfADatabaseError() {
		String description = """
				org.springframework.dao.DuplicateKeyException: PreparedStatementCallback; SQL [INSERT INTO job_leases ...]
				\tat org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator.doTranslate(X.java:1)
				Caused by: org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: Unique index or primary key violation: "PUBLIC.CONSTRAINT_4D"
				""";

		assertThat(FailureMessages.forOwner(description)).isEqualTo(FailureMessages.INTERNAL)
			.doesNotContain("job_leases", "CONSTRAINT");
	}

	@Test
	void keepsAProviderMessageTheOwnerCanActOn() {
		String description = "io.leadline.jobs.research.FatalProviderException: groq: API key rejected (HTTP 401)";

		assertThat(FailureMessages.forOwner(description)).isEqualTo("groq: API key rejected (HTTP 401)");
	}

}
