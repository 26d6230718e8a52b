package io.leadline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedDatabasePasswordTest {

	@TempDir
	Path data;

	@Test
	void givesANewEmbeddedDatabaseAGeneratedPasswordOnlyItsOwnerCanRead() throws Exception {
		var environment = environment(Map.of());

		process(environment);

		String password = environment.getProperty(EmbeddedDatabasePassword.PASSWORD);
		assertThat(password).hasSizeGreaterThanOrEqualTo(40);
		Path file = data.resolve("leadline.password");
		assertThat(Files.readString(file)).isEqualTo(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Connection db = DriverManager.getConnection(url(), "sa", password)) {
			assertThat(db.isValid(1)).isTrue();
		}
		assertRefused("");
	}

	@Test
	void keepsThePasswordAcrossStarts() {
		var first = environment(Map.of());
		var second = environment(Map.of());

		process(first);
		process(second);

		assertThat(second.getProperty(EmbeddedDatabasePassword.PASSWORD))
			.isEqualTo(first.getProperty(EmbeddedDatabasePassword.PASSWORD));
	}

	@Test
	void movesADatabaseMadeWithTheEmptyPasswordToTheGeneratedOneAndKeepsItsData() throws Exception {
		try (Connection legacy = DriverManager.getConnection(url(), "sa", "")) {
			legacy.createStatement()
				.execute("create table accounts (id varchar(20)); insert into accounts values ('acme')");
		}
		var environment = environment(Map.of());

		process(environment);

		String password = environment.getProperty(EmbeddedDatabasePassword.PASSWORD);
		try (Connection db = DriverManager.getConnection(url(), "sa", password);
				var rows = db.createStatement().executeQuery("select id from accounts")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("acme");
		}
		assertRefused("");
		assertThat(data.resolve("leadline.password.new")).doesNotExist();
	}

	@Test
	void movesALegacyDatabaseThatAnotherProcessHoldsOpen() throws Exception {
		try (Connection running = DriverManager.getConnection(url(), "sa", "")) {
			var environment = environment(Map.of());

			process(environment);

			try (Connection db = DriverManager.getConnection(url(), "sa",
					environment.getProperty(EmbeddedDatabasePassword.PASSWORD))) {
				assertThat(db.isValid(1)).isTrue();
			}
			assertThat(running.isValid(1)).as("the process already connected keeps working").isTrue();
		}
	}

	@Test
	void leavesAnOperatorsPasswordAndOtherDatabasesAlone() {
		var chosen = environment(Map.of(EmbeddedDatabasePassword.PASSWORD, "operator-secret"));
		var postgres = environment(Map.of(EmbeddedDatabasePassword.URL, "jdbc:postgresql://db/leadline"));

		process(chosen);
		process(postgres);

		assertThat(chosen.getProperty(EmbeddedDatabasePassword.PASSWORD)).isEqualTo("operator-secret");
		assertThat(postgres.getProperty(EmbeddedDatabasePassword.PASSWORD)).isNull();
		assertThat(data.resolve("leadline.password")).doesNotExist();
	}

	private void assertRefused(String password) {
		assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", password).close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("Wrong user name or password");
	}

	private String url() {
		return "jdbc:h2:file:" + data.resolve("leadline").toAbsolutePath() + ";AUTO_SERVER=TRUE";
	}

	private StandardEnvironment environment(Map<String, Object> overrides) {
		var environment = new StandardEnvironment();
		var properties = new java.util.HashMap<String, Object>(Map.of(EmbeddedDatabasePassword.URL, url()));
		properties.putAll(overrides);
		environment.getPropertySources().addLast(new MapPropertySource("test", properties));
		return environment;
	}

	private static void process(StandardEnvironment environment) {
		new EmbeddedDatabasePassword().postProcessEnvironment(environment, new SpringApplication());
	}

}
