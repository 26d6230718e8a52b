package io.leadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator CLI as a separate JVM: enrich without keys, bad files, listing, restart.
 */
class LeadlineCliIT {

	private static final Path SAMPLES = Path.of("..", "sample-data");

	private static final Pattern JOB_ID = Pattern.compile("job ([0-9a-f-]{36}) started");

	@TempDir
	Path work;

	LeadlineProcess leadline;

	@BeforeEach
	void freshDataDirectory() throws IOException {
		leadline = new LeadlineProcess(Files.createDirectories(work.resolve("data")), Map.of());
	}

	@Test
	void enrichesTheSampleCsvWithoutKeysAsNoProviderRowsAndExitsZero() throws Exception {
		Path out = work.resolve("result.csv");

		var outcome = leadline.run("enrich", SAMPLES.resolve("prospects.csv").toString(), "--out", out.toString());

		assertThat(outcome.exitCode()).as(outcome.err()).isZero();
		assertThat(outcome.err()).contains("warning: no provider: SERPER_API_KEY and GROQ_API_KEY are not set");
		assertThat(outcome.out()).contains("fields: first_name=First Name, last_name=last_name, company=Company, "
				+ "title=Title, linkedin=LinkedIn URL, location=Country\n");
		assertThat(outcome.out()).contains("rows: 0 ok, 2 invalid, 1 duplicate, 0 failed, 47 no_provider, 0 skipped")
			.contains("exported: " + out.toAbsolutePath());
		List<CSVRecord> rows = csv(out);
		assertThat(rows).hasSize(50);
		assertThat(rows).extracting(r -> r.get("sif_status")).containsOnly("no_provider", "invalid", "duplicate");
		assertThat(rows.get(0).get("sif_reason")).isEqualTo("no provider: SERPER_API_KEY and GROQ_API_KEY are not set");
	}

	@Test
	void enrichesTheSampleXlsxToXlsx() throws Exception {
		Path out = work.resolve("result.xlsx");

		var outcome = leadline.run("enrich", SAMPLES.resolve("prospects.xlsx").toString(), "--out", out.toString());

		assertThat(outcome.exitCode()).as(outcome.err()).isZero();
		try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(50);
			assertThat(sheet.getRow(0).getCell(sheet.getRow(0).getLastCellNum() - 2).getStringCellValue())
				.isEqualTo("sif_status");
		}
	}

	@Test
	void refusesAFileThatIsNotAListWithOneLineAndStartsNoJob() throws Exception {
		Path pdf = Files.write(work.resolve("prospects.csv"),
				"%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));

		var outcome = leadline.run("enrich", pdf.toString());

		assertThat(outcome.exitCode()).isEqualTo(2);
		assertThat(outcome.err().strip()).startsWith("leadline: ").contains("PDF").doesNotContain("\n");
		assertThat(leadline.run("jobs").out()).contains("no jobs yet");
	}

	@Test
	void refusesAListWithoutAnEmailColumnNamingItsColumns() throws Exception {
		Path list = Files.writeString(work.resolve("people.csv"), "name,company\nAnn,Acme\n");

		var outcome = leadline.run("enrich", list.toString());

		assertThat(outcome.exitCode()).isEqualTo(2);
		assertThat(outcome.err().strip()).startsWith("leadline: no email column")
			.contains("name, company")
			.doesNotContain("\n");
	}

	@Test
	void restartsAFailedJobFromItsMetadataAndExportsWhereTheFirstRunWasAsked() throws Exception {
		Path blocker = Files.writeString(work.resolve("exports"), "a file where a directory should be");
		Path out = blocker.resolve("result.csv");

		var failed = leadline.run("enrich", SAMPLES.resolve("prospects.csv").toString(), "--out", out.toString());

		assertThat(failed.exitCode()).isEqualTo(1);
		String jobId = jobIdIn(failed.out());
		assertThat(failed.out()).contains("job " + jobId + " failed").contains("./leadline restart " + jobId);
		assertThat(leadline.run("jobs", "--status", "failed").out()).contains(jobId);

		Files.delete(blocker);
		var restarted = leadline.run("restart", jobId);

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertThat(csv(out)).hasSize(50);
		assertThat(leadline.run("jobs").out()).containsPattern(jobId + "\\s+prospects.csv\\s+completed\\s+50/50");
	}

	private static String jobIdIn(String out) {
		Matcher m = JOB_ID.matcher(out);
		assertThat(m.find()).as(out).isTrue();
		return m.group(1);
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return parser.getRecords();
		}
	}

}
