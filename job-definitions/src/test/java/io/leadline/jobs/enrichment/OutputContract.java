package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadline.jobs.input.EmailAddress;
import io.leadline.jobs.research.ProviderWire;

/** The output contract, checked row by row against the list that went in. */
final class OutputContract {

	private OutputContract() {
	}

	/**
	 * Every data row once, in input order, with its original cells, its exact status
	 * ({@link MessyList#expectedStatus}), then its own research and line.
	 */
	static void assertFollowedBy(List<List<String>> result, MessyList list) {
		assertFollowedBy(result, list, Map.of());
	}

	/**
	 * The same, where the test made some rows end otherwise (a provider that keeps
	 * failing for one person).
	 * @param otherwise expected status by data row (1-based), over the list's own
	 */
	static void assertFollowedBy(List<List<String>> result, MessyList list, Map<Integer, String> otherwise) {
		List<String> header = result.get(0);
		assertThat(header).startsWith(list.header().toArray(String[]::new));
		assertThat(header).endsWith("sif_research", "sif_personalized", "sif_status", "sif_reason");
		List<List<String>> rows = result.subList(1, result.size());
		assertThat(rows).hasSize(list.dataRows().size());
		for (int i = 0; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			List<String> expected = list.dataRows().get(i);
			int originalWidth = header.size() - 4;
			List<String> originals = new ArrayList<>(row.subList(0, originalWidth));
			List<String> padded = new ArrayList<>(expected);
			while (padded.size() < originalWidth) {
				padded.add("");
			}
			assertThat(originals).as("row %d cells", i + 1).isEqualTo(padded);
			String status = status(row);
			int dataRow = i + 1;
			assertThat(status).as("row %d status (%s)", dataRow, reason(row))
				.isEqualTo(otherwise.getOrDefault(dataRow, list.expectedStatus(dataRow)));
			if (status.equals("duplicate")) {
				List<String> first = rows.get(MessyList.FIRST_OF_DUPLICATE - 1);
				assertThat(row.get(header.size() - 4)).as("duplicate takes the first occurrence's research")
					.isEqualTo(first.get(header.size() - 4));
			}
			if (status.equals("ok")) {
				// why: research searches with the row's own name columns
				String person = expected.get(0) + " " + expected.get(1);
				assertThat(row.get(header.size() - 4)).as("row %d research", i + 1).contains(person);
				assertThat(row.get(header.size() - 3)).as("row %d opener", i + 1).contains(person);
			}
		}
	}

	/** The {@code sif_status} of every data row of a result table. */
	static List<String> statuses(List<List<String>> result) {
		return result.subList(1, result.size()).stream().map(OutputContract::status).toList();
	}

	static String status(List<String> row) {
		return row.get(row.size() - 2);
	}

	private static String reason(List<String> row) {
		return row.get(row.size() - 1);
	}

}
