package io.leadline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the embedded H2 database a generated password, kept next to it in
 * {@code <database>.password} (readable by its owner only): with {@code AUTO_SERVER} the
 * first process serves the file over TCP to the others, so {@code sa} with an empty
 * password would let anyone who reaches that port read every tenant's data. A database
 * created before this opened with the empty password; it is given the generated one the
 * first time. An operator who sets {@code LEADLINE_DB_PASSWORD}, or another database, is
 * left alone.
 */
public class EmbeddedDatabasePassword implements EnvironmentPostProcessor, Ordered {

	static final String URL = "spring.datasource.url";

	static final String USER = "spring.datasource.username";

	static final String PASSWORD = "spring.datasource.password";

	private static final String H2_FILE = "jdbc:h2:file:";

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** H2's code for a wrong user name or password. */
	private static final int WRONG_PASSWORD = 28000;

	@Override
	public int getOrder() {
		// why: after application.yml and the environment are read, so the URL is known
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty(URL, "");
		String user = environment.getProperty(USER, "sa");
		if (!url.startsWith(H2_FILE) || !environment.getProperty(PASSWORD, "").isEmpty()
				|| !PLAIN_NAME.matcher(user).matches()) {
			return;
		}
		String password = passwordFor(url, user);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("leadline-embedded-database", Map.of(PASSWORD, password)));
	}

	/**
	 * The database's password, generated and set on first use. {@code <db>.password}
	 * exists only once the database has that password; until then it is staged in
	 * {@code <db>.password.new}, so concurrent starts agree on one.
	 */
	static String passwordFor(String url, String user) {
		Path database = databasePath(url);
		Path ready = Path.of(database + ".password");
		Path staged = Path.of(database + ".password.new");
		try {
			if (Files.exists(ready)) {
				return read(ready);
			}
			Files.createDirectories(ready.toAbsolutePath().getParent());
			String password = createOrRead(staged);
			if (Files.exists(Path.of(database + ".mv.db"))) {
				setOnce(url, user, password);
			}
			try {
				Files.move(staged, ready, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (NoSuchFileException movedByAnotherStart) {
				// why: a process starting at the same moment finished first; same
				// password
			}
			return read(ready);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot keep the embedded database's password next to " + database, e);
		}
	}

	/** Sets {@code password} on a database that still has the empty one. */
	private static void setOnce(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			return;
		}
		catch (SQLException e) {
			if (e.getErrorCode() != WRONG_PASSWORD) {
				throw new IllegalStateException("cannot open the embedded database: " + e.getMessage(), e);
			}
		}
		try (Connection legacy = DriverManager.getConnection(url, user, ""); var statement = legacy.createStatement()) {
			// why: base64url has no quote, so the literal cannot break out
			statement.execute("ALTER USER " + user + " SET PASSWORD '" + password + "'");
		}
		catch (SQLException e) {
			throw new IllegalStateException(
					"the embedded database opens neither with its generated password nor with the empty one; "
							+ "set LEADLINE_DB_PASSWORD to its password",
					e);
		}
	}

	private static String createOrRead(Path staged) throws IOException {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path temp = ownerOnlyTempFile(staged.toAbsolutePath().getParent());
		try {
			Files.writeString(temp, password, StandardCharsets.US_ASCII);
			// why: a link is created only if the name is free, atomically: one start wins
			Files.createLink(staged, temp);
			return password;
		}
		catch (FileAlreadyExistsException anotherStartWon) {
			return read(staged);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static Path ownerOnlyTempFile(Path dir) throws IOException {
		try {
			return Files.createTempFile(dir, ".password-", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			return Files.createTempFile(dir, ".password-", ".tmp");
		}
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.US_ASCII).strip();
	}

	/** The file path in {@code jdbc:h2:file:<path>;SETTINGS}, as H2 resolves it. */
	static Path databasePath(String url) {
		String path = url.substring(H2_FILE.length());
		int settings = path.indexOf(';');
		if (settings >= 0) {
			path = path.substring(0, settings);
		}
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path);
	}

}
