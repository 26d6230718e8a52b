import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor Leadline's engine is measured against: read a CSV with commons-csv and write it back
 * with the same four extra columns, nothing else. java -cp commons-csv.jar bench/BareCsvCopy.java IN OUT
 */
public class BareCsvCopy {

	public static void main(String[] args) throws IOException {
		long start = System.nanoTime();
		long rows = 0;
		try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.parse(in);
				BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			List<String> fields = new ArrayList<>();
			for (CSVRecord record : parser) {
				fields.clear();
				fields.addAll(record.toList());
				if (rows == 0) {
					fields.addAll(List.of("sif_research", "sif_personalized", "sif_status", "sif_reason"));
				}
				else {
					fields.addAll(List.of("", "", "no_provider", "no provider: SERPER_API_KEY and GROQ_API_KEY are not set"));
				}
				printer.printRecord(fields);
				rows++;
			}
		}
		System.out.printf("copied %d records in %.2fs%n", rows, (System.nanoTime() - start) / 1e9);
	}
}
