package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

	@Nested
	class RecognisesRealExports {

		@Test
		void apolloPeopleExport() {
			var mapping = recognized("First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,"
					+ "Seniority,Departments,Contact Owner,Work Direct Phone,Mobile Phone,Stage,Lists,# Employees,"
					+ "Industry,Keywords,Person Linkedin Url,Website,Company Linkedin Url,Facebook Url,Twitter Url,"
					+ "City,State,Country,Company Address,Company City,Company State,Company Country,Company Phone,"
					+ "Technologies,Annual Revenue,Total Funding,Apollo Contact Id,Apollo Account Id");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "First Name"),
					entry("last_name", "Last Name"), entry("company", "Company"), entry("title", "Title"),
					entry("website", "Website"), entry("linkedin", "Person Linkedin Url"), entry("location", "City"));
		}

		@Test
		void salesNavigatorExportThroughEvaboot() {
			var mapping = recognized("Sales Navigator Profile URL,LinkedIn Profile URL,First Name,Last Name,Full Name,"
					+ "Email,Email Status,Job Title,Company,Company Domain,Company Website,Company LinkedIn URL,"
					+ "Location,Industry,Company Headcount,Tenure In Position");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "First Name"),
					entry("last_name", "Last Name"), entry("full_name", "Full Name"), entry("company", "Company"),
					entry("title", "Job Title"), entry("website", "Company Website"),
					entry("linkedin", "LinkedIn Profile URL"), entry("location", "Location"));
		}

		@Test
		void salesNavigatorExportThroughPhantomBusterInCamelCase() {
			var mapping = recognized("profileUrl,fullName,firstName,lastName,companyName,title,companyId,companyUrl,"
					+ "regularCompanyUrl,summary,industry,companyLocation,location,durationInRole,linkedInProfileUrl,"
					+ "email");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "firstName"),
					entry("last_name", "lastName"), entry("full_name", "fullName"), entry("company", "companyName"),
					entry("title", "title"), entry("website", "regularCompanyUrl"),
					entry("linkedin", "linkedInProfileUrl"), entry("location", "location"));
		}

		@Test
		void hubspotContactsExport() {
			var mapping = recognized("Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,"
					+ "Website URL,City,State/Region,Country/Region,Lifecycle Stage,Contact owner,Associated Company,"
					+ "Create Date,Lead Status");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "First Name"),
					entry("last_name", "Last Name"), entry("company", "Company Name"), entry("title", "Job Title"),
					entry("website", "Website URL"), entry("location", "City"));
		}

		@Test
		void frenchExport() {
			var mapping = recognized("Prénom;Nom;E-mail;Entreprise;Poste;Site web;Profil LinkedIn;Ville;Téléphone");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "Prénom"), entry("last_name", "Nom"),
					entry("company", "Entreprise"), entry("title", "Poste"), entry("website", "Site web"),
					entry("linkedin", "Profil LinkedIn"), entry("location", "Ville"));
		}

		@Test
		void germanExport() {
			var mapping = recognized(
					"Anrede;Vorname;Nachname;E-Mail-Adresse;Firma;Position;Webseite;LinkedIn-Profil;Ort;Telefon");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "Vorname"),
					entry("last_name", "Nachname"), entry("company", "Firma"), entry("title", "Position"),
					entry("website", "Webseite"), entry("linkedin", "LinkedIn-Profil"), entry("location", "Ort"));
		}

		@Test
		void germanNameBesideVornameIsTheFamilyName() {
			var mapping = recognized("Vorname;Name;E-Mail;Unternehmen");

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "Vorname"), entry("last_name", "Name"),
					entry("company", "Unternehmen"));
		}

		@Test
		void aListWithOnlyEmailsMapsNothing() {
			var mapping = recognized("email,notes");

			assertThat(mapping.toHeaders()).isEmpty();
			assertThat(mapping.describe()).isEqualTo("none (research from the email alone)");
		}

	}

	@Nested
	class Overrides {

		@Test
		void callerNamesTheColumnOfAField() {
			var mapping = recognized("email,Organisation Name,Notes").overriddenBy(Map.of("company", "Notes"));

			assertThat(mapping.toHeaders()).containsExactly(entry("company", "Notes"));
		}

		@Test
		void callerTakesAColumnFromTheFieldItWasRecognisedAs() {
			var mapping = recognized("email,Name,Company").overriddenBy(Map.of("company", "Name"));

			assertThat(mapping.toHeaders()).containsExactly(entry("company", "Name"));
		}

		@Test
		void emptyColumnUnmapsAField() {
			var mapping = recognized("email,Title,Company").overriddenBy(Map.of("title", ""));

			assertThat(mapping.toHeaders()).containsExactly(entry("company", "Company"));
		}

		@Test
		void acceptsFieldNamesInAnySpellingAndColumnsByKey() {
			var mapping = recognized("email,Organisation Name").overriddenBy(Map.of("First Name", "organisation_name"));

			assertThat(mapping.toHeaders()).containsExactly(entry("first_name", "Organisation Name"));
		}

		@Test
		void refusesAnUnknownFieldNamingTheKnownOnes() {
			assertThatThrownBy(() -> recognized("email,Company").overriddenBy(Map.of("employer", "Company")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("unknown field 'employer'; fields are: first_name, last_name, full_name, company, title, "
						+ "website, linkedin, location");
		}

		@Test
		void refusesAMissingColumnNamingTheColumns() {
			assertThatThrownBy(() -> recognized("email,Company").overriddenBy(Map.of("company", "Organisation")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("field company: no column named 'Organisation'; columns are: email, Company");
		}

		@Test
		void overridesAMappingWithNothingRecognised() {
			var mapping = recognized("email,notes").overriddenBy(Map.of("company", "notes"));

			assertThat(FieldMapping.none(Headers.of(List.of("email", "notes"))).overriddenBy(Map.of()).toHeaders())
				.isEmpty();
			assertThat(mapping.toHeaders()).containsExactly(entry("company", "notes"));
		}

		@Test
		void parsesFieldAssignments() {
			assertThat(FieldMapping.parse(List.of("company=Organisation", " title = Job Title ", "location=")))
				.containsExactly(entry("company", "Organisation"), entry("title", "Job Title"), entry("location", ""));
			assertThatThrownBy(() -> FieldMapping.parse(List.of("Organisation")))
				.hasMessageContaining("expected field=column");
		}

	}

	@Test
	void readsARowsValuesThroughTheMapping() {
		var mapping = recognized("Email,First Name,Company");

		assertThat(mapping.value(ProspectField.COMPANY, List.of("ann@acme.io", "Ann", "  Acme Inc ")))
			.isEqualTo("Acme Inc");
		assertThat(mapping.value(ProspectField.COMPANY, List.of("ann@acme.io", "Ann"))).isEmpty();
		assertThat(mapping.value(ProspectField.TITLE, List.of("ann@acme.io", "Ann", "Acme"))).isEmpty();
	}

	private static FieldMapping recognized(String headerLine) {
		var separator = headerLine.contains(";") ? ";" : ",";
		var headers = Headers.of(Arrays.asList(headerLine.split(separator)));
		return FieldMapping.recognize(headers, EmailColumn.guess(headers).orElse(-1));
	}

}
