package io.leadline.app.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.jobs.JobView;

/**
 * The first rows of a result as people read them: a few of their own columns, the status,
 * the research as facts (not JSON) and the opener.
 */
@Component
class ResultPreview {

	static final int ROWS = 20;

	static final int OWN_COLUMNS = 3;

	private final TablePreview tables;

	private final JsonMapper json;

	ResultPreview(TablePreview tables, JsonMapper json) {
		this.tables = tables;
		this.json = json;
	}

	public record Preview(List<String> columns, List<Row> rows) {
	}

	public record Row(List<String> cells, String status, String reason, String person, List<String> personFacts,
			String company, List<String> companyFacts, String edge, String opener) {
	}

	Preview of(JobView job) throws IOException {
		TablePreview.Table table = tables.firstRows(job.resultKey(), ROWS);
		List<String> own = table.headers().stream().filter(h -> !h.startsWith("sif_")).limit(OWN_COLUMNS).toList();
		List<Row> rows = new ArrayList<>();
		for (List<String> cells : table.rows()) {
			JsonNode research = research(cell(table, cells, "sif_research"));
			rows.add(new Row(own.stream().map(h -> cell(table, cells, h)).toList(), cell(table, cells, "sif_status"),
					cell(table, cells, "sif_reason"), research.path("person").path("name").asString(""),
					texts(research.path("person").path("info")), research.path("company").path("name").asString(""),
					texts(research.path("company").path("info")), research.path("company").path("moat").asString(""),
					cell(table, cells, "sif_personalized")));
		}
		return new Preview(own, rows);
	}

	private JsonNode research(String text) {
		if (text.isBlank()) {
			return json.missingNode();
		}
		try {
			return json.readTree(text);
		}
		catch (JacksonException e) {
			return json.missingNode();
		}
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.asString("")));
		return texts;
	}

	private static String cell(TablePreview.Table table, List<String> cells, String header) {
		int column = table.column(header);
		return column < 0 || column >= cells.size() ? "" : cells.get(column);
	}

}
