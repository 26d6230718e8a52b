import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic prospect list: java bench/GenerateList.java ROWS OUT.csv
 * About 1% invalid emails and 2% repeats in other case, like real exports; fixed seed, so every
 * run measures the same file.
 */
public class GenerateList {

	private static final String[] FIRST = { "Anna", "Ben", "Chloé", "David", "Emma", "Felix", "Grace", "Hiro", "Inès", "Jonas" };

	private static final String[] TITLES = { "VP Sales", "Head of Growth", "CTO", "Founder", "RevOps Lead", "CMO" };

	private static final String[] COUNTRIES = { "Germany", "United States", "France", "Japan", "Brazil", "Poland" };

	public static void main(String[] args) throws IOException {
		long rows = Long.parseLong(args[0]);
		Random random = new Random(42);
		try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
			out.write("First Name,Last Name,Company,Email,Title,Country,Notes\n");
			for (long i = 1; i <= rows; i++) {
				String first = FIRST[(int) (i % FIRST.length)];
				String last = "Lee" + i;
				int company = random.nextInt(20_000);
				String email = first.toLowerCase().replace('é', 'e').replace('è', 'e') + "." + last.toLowerCase()
						+ "@company" + company + ".example";
				int dice = random.nextInt(100);
				if (dice == 0) {
					email = "not-an-email-" + i;
				}
				else if (dice <= 2 && i > 10) {
					email = ("anna.lee" + (i / 2) + "@company7.example").toUpperCase();
				}
				out.write(first + "," + last + ",\"Company " + company + ", Inc\"," + email + ","
						+ TITLES[random.nextInt(TITLES.length)] + "," + COUNTRIES[random.nextInt(COUNTRIES.length)]
						+ ",met at event " + (i % 97) + "\n");
			}
		}
	}
}
