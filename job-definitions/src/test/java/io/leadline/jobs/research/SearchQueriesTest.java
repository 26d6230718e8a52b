package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchQueriesTest {

	@Nested
	class Person {

		@Test
		void quotesTheNameAndAnchorsItWithTheCompany() {
			var jane = Prospect.ofEmail("jane.doe@acme.io")
				.withName("Jane", "Doe", "")
				.withCompany("Acme", "")
				.withTitle("VP Sales");

			assertThat(SearchQueries.person(jane)).contains("\"Jane Doe\" Acme");
		}

		@Test
		void prefersTheFullNameColumn() {
			var jane = Prospect.ofEmail("jd@acme.io").withName("Jane", "Doe", "Dr. Jane A. Doe");

			assertThat(SearchQueries.person(jane)).contains("\"Dr. Jane A. Doe\" acme.io");
		}

		@Test
		void anchorsWithTheWebsiteDomainWhenTheCompanyNameIsMissing() {
			var jane = Prospect.ofEmail("jane@gmail.com")
				.withName("Jane", "Doe", "")
				.withCompany("", "https://www.acme.io/");

			assertThat(SearchQueries.person(jane)).contains("\"Jane Doe\" acme.io");
		}

		@Test
		void addsTheTitleWhenNoCompanyTellsNamesakesApart() {
			var jane = Prospect.ofEmail("jane.doe@gmail.com").withName("Jane", "Doe", "").withTitle("VP Sales");

			assertThat(SearchQueries.person(jane)).contains("\"Jane Doe\" \"VP Sales\"");
		}

		@Test
		void addsTheTitleToAFirstNameAlone() {
			var jane = Prospect.ofEmail("jane@acme.io")
				.withName("Jane", "", "")
				.withCompany("Acme", "")
				.withTitle("CFO");

			assertThat(SearchQueries.person(jane)).contains("\"Jane\" Acme \"CFO\"");
		}

		@Test
		void fallsBackToTheEmailWhenTheRowHasNothingElse() {
			assertThat(SearchQueries.person(Prospect.ofEmail("ann@acme.io"))).contains("ann acme.io");
		}

		@Test
		void turnsAFreeMailUserIntoWordsWithTheRowsCompany() {
			var row = Prospect.ofEmail("jane.doe84@gmail.com").withCompany("Acme", "");

			assertThat(SearchQueries.person(row)).contains("jane doe84 Acme");
		}

		@Test
		void hasNoPersonQueryForARoleAddress() {
			var row = Prospect.ofEmail("info@acme.io").withName("Jane", "Doe", "");

			assertThat(SearchQueries.person(row)).isEmpty();
		}

	}

	@Nested
	class Company {

		@Test
		void namesTheCompanyAndItsWebsiteDomain() {
			var jane = Prospect.ofEmail("jane@acme.io").withCompany("Acme Logistics", "www.acme-logistics.com/en");

			assertThat(SearchQueries.company(jane)).contains("Acme Logistics acme-logistics.com");
		}

		@Test
		void namesTheCompanyAndTheWorkMailDomainWithoutAWebsite() {
			var jane = Prospect.ofEmail("jane@acme.io").withCompany("Acme", "");

			assertThat(SearchQueries.company(jane)).contains("Acme acme.io");
		}

		@Test
		void searchesTheMailDomainWhenTheRowHasNothingElse() {
			assertThat(SearchQueries.company(Prospect.ofEmail("ann@acme.io"))).contains("acme.io");
		}

		@Test
		void neverSearchesAFreeMailDomainAsACompany() {
			var withCompany = Prospect.ofEmail("jane@gmail.com").withCompany("Acme", "");
			var withoutCompany = Prospect.ofEmail("jane@gmail.com").withName("Jane", "Doe", "");

			assertThat(SearchQueries.company(withCompany)).contains("\"Acme\"");
			assertThat(SearchQueries.company(withoutCompany)).isEmpty();
		}

		@Test
		void ignoresALinkedInCompanyPageInTheWebsiteColumn() {
			var jane = Prospect.ofEmail("jane@gmail.com").withCompany("Acme", "https://www.linkedin.com/company/acme");

			assertThat(SearchQueries.company(jane)).contains("\"Acme\"");
		}

		@Test
		void searchesTheCompanyOfARoleAddress() {
			assertThat(SearchQueries.company(Prospect.ofEmail("info@acme.io").withCompany("Acme", "")))
				.contains("Acme acme.io");
		}

	}

	@Test
	void contactsOfOneCompanyShareItsKeyWhateverTheirMailbox() {
		var work = Prospect.ofEmail("jane@acme.io").withCompany("Acme", "");
		var gmail = Prospect.ofEmail("bob@gmail.com").withCompany("ACME", "https://acme.io");
		var nameOnly = Prospect.ofEmail("eve@gmail.com").withCompany("  Acme,  Inc. ", "");

		assertThat(work.companyKey()).contains("acme.io");
		assertThat(gmail.companyKey()).contains("acme.io");
		assertThat(nameOnly.companyKey()).contains("name:acme inc");
		assertThat(Prospect.ofEmail("eve@gmail.com").companyKey()).isEmpty();
	}

}
