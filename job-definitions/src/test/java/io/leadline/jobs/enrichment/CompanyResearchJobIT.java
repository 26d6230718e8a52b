package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.FakeProviders;

/**
 * A list of 5 companies with 4 contacts each, one of them at gmail.com: each company is
 * searched and summarized once for its contacts, gmail.com never as a company, and every
 * row's opener is built from its own person research while rows run concurrently.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:companies;DB_CLOSE_DELAY=-1",
		"leadline.research.concurrency=8" })
class CompanyResearchJobIT extends JobIT {

	private static final List<String> COMPANIES = List.of("Quillon", "Brakwater", "Ostrava", "Tellurix", "Vantor");

	private static final List<String> FIRST = List.of("Ann", "Bob", "Cleo", "Dev");

	@Test
	void researchesEachCompanyOnceForAllItsContactsAndKeepsEveryRowsOwnPerson() throws Exception {
		var rows = new ArrayList<List<String>>();
		for (var company : COMPANIES) {
			var domain = company.toLowerCase() + ".io";
			for (int i = 0; i < FIRST.size(); i++) {
				var first = FIRST.get(i);
				var last = company + "son";
				var email = i == 3 ? first.toLowerCase() + "." + last.toLowerCase() + "@gmail.com"
						: first.toLowerCase() + "@" + domain;
				rows.add(List.of(first, last, email, company, "https://www." + domain + "/", "VP Sales"));
			}
		}
		var file = writeCsv(files.resolve("companies.csv"),
				List.of("First Name", "Last Name", "Email", "Company", "Website", "Title"), rows);
		var searchesBefore = providers.searchQueries().size();
		var chatsBefore = providers.chatCalls().size();
		var request = jobs.request(file, ResultFormat.CSV, 3, 2);

		var execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		var queries = providers.searchQueries().subList(searchesBefore, providers.searchQueries().size());
		var companyQueries = queries.stream().filter(query -> !query.startsWith("\"")).toList();
		assertThat(companyQueries).containsExactlyInAnyOrder("Quillon quillon.io", "Brakwater brakwater.io",
				"Ostrava ostrava.io", "Tellurix tellurix.io", "Vantor vantor.io");
		assertThat(queries).hasSize(5 + 20).noneMatch(query -> query.contains("gmail"));
		var summaries = providers.chatCalls()
			.subList(chatsBefore, providers.chatCalls().size())
			.stream()
			.filter(FakeProviders.ChatCall::isCompanySummary)
			.map(FakeProviders.ChatCall::firstUserMessage)
			.toList();
		assertThat(summaries).hasSize(5);
		for (var company : COMPANIES) {
			assertThat(summaries).filteredOn(prompt -> prompt.contains("Company in the list: " + company + "\n"))
				.hasSize(1);
		}
		var result = jobs.result(request);
		var header = result.get(0);
		for (int r = 1; r < result.size(); r++) {
			var row = result.get(r);
			var person = row.get(0) + " " + row.get(1);
			var research = JsonMapper.shared().readTree(row.get(header.indexOf("sif_research")));
			assertThat(row.get(header.indexOf("sif_status"))).as(person).isEqualTo("ok");
			assertThat(research.path("person").path("name").asString()).as(person).isEqualTo(person);
			assertThat(research.path("company").path("name").asString()).as(person).isEqualTo(row.get(3) + " Inc");
			assertThat(row.get(header.indexOf("sif_personalized"))).as(person).contains(person + ";");
			assertThat(row.get(header.indexOf("sif_reason"))).as(person)
				.isEqualTo(row.get(2).endsWith("@gmail.com")
						? "free-mail address (gmail.com): company taken from the row" : "");
		}
		assertThat(result).hasSize(1 + 20);
	}

	private static Path writeCsv(Path file, List<String> header, List<List<String>> rows) throws Exception {
		var lines = new ArrayList<String>();
		lines.add(String.join(",", header));
		rows.forEach(row -> lines.add(String.join(",", row)));
		return Files.write(file, lines);
	}

}
