package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailDedupTest {

	@Test
	void answersZeroForAFirstSightingAndTheFirstRowForARepeat() {
		EmailDedup dedup = new EmailDedup(10);

		long first = dedup.firstOccurrence("ann@x.io", 3);
		long again = dedup.firstOccurrence("ann@x.io", 7);
		long third = dedup.firstOccurrence("ann@x.io", 9);

		assertThat(first).isZero();
		assertThat(again).isEqualTo(3);
		assertThat(third).isEqualTo(3);
	}

	@Test
	void treatsEmailsThatDifferOnlyInCaseAsTheSame() {
		EmailDedup dedup = new EmailDedup(10);

		dedup.firstOccurrence("Ann.Lee@Example.com", 1);

		assertThat(dedup.firstOccurrence("ann.lee@EXAMPLE.COM", 2)).isEqualTo(1);
		assertThat(dedup.firstOccurrence("bob@example.com", 3)).isZero();
		assertThat(dedup.size()).isEqualTo(2);
	}

	@Test
	void listsRepeatedFirstOccurrencesAscendingAndOnce() {
		EmailDedup dedup = new EmailDedup(4);
		String[] emails = { "c@x.io", "a@x.io", "b@x.io", "A@x.io", "c@x.io", "a@X.io", "d@x.io" };

		for (int i = 0; i < emails.length; i++) {
			dedup.firstOccurrence(emails[i], i + 1);
		}

		assertThat(dedup.rowsWithDuplicates()).containsExactly(1L, 2L);
	}

	@Test
	void growsPastItsExpectedSizeWithoutForgetting() {
		EmailDedup dedup = new EmailDedup(1);

		for (int row = 1; row <= 100_000; row++) {
			dedup.firstOccurrence("person" + row + "@example.com", row);
		}

		assertThat(dedup.size()).isEqualTo(100_000);
		assertThat(dedup.firstOccurrence("PERSON1@example.com", 100_001)).isEqualTo(1);
		assertThat(dedup.firstOccurrence("person99999@example.com", 100_002)).isEqualTo(99_999);
		assertThat(dedup.rowsWithDuplicates()).containsExactly(1L, 99_999L);
	}

	@Test
	void refusesRowNumbersBelowOne() {
		EmailDedup dedup = new EmailDedup(1);

		assertThatThrownBy(() -> dedup.firstOccurrence("a@x.io", 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
