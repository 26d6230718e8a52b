package io.leadline.jobs.enrichment;

import static io.leadline.jobs.input.ProspectField.COMPANY;
import static io.leadline.jobs.input.ProspectField.FIRST_NAME;
import static io.leadline.jobs.input.ProspectField.FULL_NAME;
import static io.leadline.jobs.input.ProspectField.LAST_NAME;
import static io.leadline.jobs.input.ProspectField.LINKEDIN;
import static io.leadline.jobs.input.ProspectField.LOCATION;
import static io.leadline.jobs.input.ProspectField.TITLE;
import static io.leadline.jobs.input.ProspectField.WEBSITE;

import java.util.List;

import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.research.Prospect;

/** Reads a row's prospect facts through the job's field mapping. */
public record RowProspect(FieldMapping fields) {

	Prospect of(ProspectRow row) {
		return of(row.email(), row.cells());
	}

	/** The prospect of a row with this cleaned email and these cells. */
	public Prospect of(String email, List<String> cells) {
		return new Prospect(email, fields.value(FIRST_NAME, cells), fields.value(LAST_NAME, cells),
				fields.value(FULL_NAME, cells), fields.value(COMPANY, cells), fields.value(TITLE, cells),
				fields.value(WEBSITE, cells), fields.value(LINKEDIN, cells), fields.value(LOCATION, cells));
	}

}
