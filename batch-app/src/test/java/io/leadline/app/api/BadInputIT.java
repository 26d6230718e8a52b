package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files that are not lists, or too much of one, get a clear 4xx problem and leave nothing
 * stored. The test app allows 1 MB uploads and 1,000 rows.
 */
class BadInputIT extends ApiTestBase {

	String owner;

	String token;

	@BeforeEach
	void anOwner() {
		owner = anAccount("ivy");
		token = TOKENS.user(owner);
	}

	@Test
	void answersAPageFarBeyondTheLastWith400NotAServerError() {
		var jobs = api.get("/api/jobs?page=2147483647&size=100", token);
		var ledger = api.get("/api/account/ledger?page=2147483647&size=500", token);

		assertThat(jobs.status()).as(jobs.toString()).isEqualTo(400);
		assertThat(ledger.status()).as(ledger.toString()).isEqualTo(400);
	}

	@Test
	void refusesAFileOverTheUploadLimitWith413() throws IOException {
		byte[] big = csv("email\n", "someone@example.com\n", 60_000);

		var reply = api.upload(token, "big.csv", big);

		assertThat(big.length).isGreaterThan(1024 * 1024);
		assertProblem(reply, 413, "file_too_large", "1 MB");
	}

	@Test
	void refusesAListOverTheRowLimit() throws IOException {
		var reply = api.upload(token, "many.csv", csv("email\n", "someone@example.com\n", 1_001));

		assertProblem(reply, 413, "input_limit", "1,000");
	}

	@Test
	void refusesAPdfDisguisedAsCsvByItsContent() throws IOException {
		byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

		var reply = api.upload(token, "prospects.csv", pdf);

		assertProblem(reply, 415, "unsupported_file", "PDF");
	}

	@Test
	void refusesAnXlsxZipBomb() throws IOException {
		var reply = api.upload(token, "bomb.xlsx", paddedWorkbook(5_000_000));

		assertProblem(reply, 413, "input_limit", "zip bomb");
	}

	@Test
	void acceptsAListWithoutAGuessableEmailColumnButRefusesToStartItWithoutOne() throws IOException {
		var upload = api.upload(token, "people.csv", "name,company\nAnn,Acme\n".getBytes(StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		assertThat(upload.json().path("emailColumnGuess").isNull()).isTrue();

		var reply = api.postJson("/api/jobs", token, Map.of("uploadId", upload.json().path("uploadId").asString()));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("no_email_column");
		assertThat(reply.json().path("detail").asString()).contains("name, company").contains("emailColumn");
		assertThat(balance(token)).isZero();
	}

	@Test
	void refusesAJobWithAnEmailColumnTheUploadDoesNotHave() throws IOException {
		String upload = uploadSample(token);

		var reply = api.postJson("/api/jobs", token, Map.of("uploadId", upload, "emailColumn", "mail"));

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("unknown_email_column");
		assertThat(balance(token)).isZero();
	}

	@Test
	void refusesABadServiceContextOrFormatWith400() throws IOException {
		String upload = uploadSample(token);

		var badService = api.postJson("/api/jobs", token, Map.of("uploadId", upload, "service", Map.of("offer", "x")));
		var badFormat = api.postJson("/api/jobs", token, Map.of("uploadId", upload, "format", "pdf"));
		var noUpload = api.postJson("/api/jobs", token, Map.of("emailColumn", "email"));

		assertThat(badService.status()).isEqualTo(400);
		assertThat(badService.json().path("detail").asString()).contains("unknown field(s) [offer]");
		assertThat(badFormat.status()).isEqualTo(400);
		assertThat(noUpload.status()).isEqualTo(400);
		assertThat(noUpload.json().path("code").asString()).isEqualTo("invalid_request");
	}

	private void assertProblem(ApiClient.Reply reply, int status, String code, String detail) throws IOException {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.json().path("code").asString()).isEqualTo(code);
		assertThat(reply.json().path("detail").asString()).contains(detail).doesNotContain("\n");
		assertThat(storedUnder("inputs/" + owner)).as("nothing stored").isEmpty();
	}

	private static byte[] csv(String header, String row, int rows) {
		StringBuilder text = new StringBuilder(header);
		text.append(row.repeat(rows));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A small workbook whose first sheet carries a comment of spaces: it inflates 1000:1.
	 */
	private static byte[] paddedWorkbook(int spaces) throws IOException {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("Prospects");
			sheet.createRow(0).createCell(0).setCellValue("email");
			sheet.createRow(1).createCell(0).setCellValue("a@x.io");
			workbook.write(plain);
		}
		ByteArrayOutputStream padded = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
				ZipOutputStream out = new ZipOutputStream(padded)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					content = new String(content, StandardCharsets.UTF_8)
						.replace("<sheetData", "<!--" + " ".repeat(spaces) + "--><sheetData")
						.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		return padded.toByteArray();
	}

}
