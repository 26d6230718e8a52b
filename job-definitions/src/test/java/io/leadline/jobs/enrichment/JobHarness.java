package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;

import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.input.ListInspection;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Starts enrichment jobs on local files and reads their results back as rows of strings.
 */
record JobHarness(JobOperator jobOperator, Job enrichmentJob, ObjectStore store) {

	EnrichmentRequest request(Path file, ResultFormat format, int chunkSize, int partitions) throws IOException {
		UUID jobId = UUID.randomUUID();
		String inputKey = new WorkArea(jobId, "tester").inputKey("bin");
		store.put(inputKey, file);
		long rows = ListInspection.inspect(file, InputLimits.defaults()).dataRows();
		return EnrichmentRequest.forJob(jobId, "tester", inputKey)
			.fileName(file.getFileName().toString())
			.format(format)
			.rowCount(rows)
			.chunking(chunkSize, partitions)
			.build();
	}

	JobExecution run(EnrichmentRequest request) throws Exception {
		return jobOperator.start(enrichmentJob, request.toJobParameters());
	}

	JobExecution restart(JobExecution failed) throws Exception {
		return jobOperator.restart(failed);
	}

	/** The result table, header first. */
	List<List<String>> result(EnrichmentRequest request) throws IOException {
		String key = request.workArea().resultKey(request.format().extension());
		try (InputStream in = store.open(key)) {
			return request.format() == ResultFormat.CSV ? csv(in) : xlsx(in);
		}
	}

	private static List<List<String>> csv(InputStream in) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
			for (CSVRecord record : parser) {
				rows.add(record.toList());
			}
		}
		return rows;
	}

	private static List<List<String>> xlsx(InputStream in) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : cell.getStringCellValue());
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
