package io.leadline.app.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.jobs.Quotas;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.input.ListInspection;
import io.leadline.jobs.input.UnsupportedInputException;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Takes an uploaded list in: streams it to a temporary file, inspects it (format by
 * content, headers, rows, email column), stores it and records it. A file refused at any
 * step leaves nothing behind: no object, no record, no temporary file.
 */
@Component
public class Uploads {

	private final ObjectStore store;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Quotas quotas;

	private final Inspections inspections;

	Uploads(ObjectStore store, DataSource dataSource, JsonMapper json, Quotas quotas, Inspections inspections) {
		this.inspections = inspections;
		this.quotas = quotas;
		this.store = store;
		this.jdbc = JdbcClient.create(dataSource);
		this.json = json;
	}

	public Upload accept(String owner, MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new UnsupportedInputException("the file is empty");
		}
		quotas.checkUploads(owner, file.getSize());
		Path temp = Files.createTempFile("leadline-upload-", ".bin");
		try {
			file.transferTo(temp);
			ListInspection inspection = inspections.inspect(temp);
			if (inspection.dataRows() < 1) {
				throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "empty_list",
						"the list has headers but no data rows");
			}
			String emailColumn = emailColumnOf(inspection);
			UUID id = UUID.randomUUID();
			String format = inspection.format().format().name().toLowerCase(Locale.ROOT);
			Upload upload = new Upload(id, owner, displayName(file.getOriginalFilename()), format,
					new WorkArea(id, owner).inputKey(format), inspection.dataRows(), inspection.headers().originals(),
					emailColumn, LocalDateTime.now());
			store.put(upload.objectKey(), temp);
			record(upload, Files.size(temp));
			return upload;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** The upload, whoever owns it; callers check the owner. */
	public Optional<Upload> find(UUID id) {
		return jdbc.sql("select * from uploads where id = :id")
			.param("id", id.toString())
			.query(this::upload)
			.optional();
	}

	/** Forgets uploads stored under {@code objectKey} and deletes the object. */
	void deleteByObjectKey(String objectKey) throws IOException {
		store.delete(objectKey);
		jdbc.sql("delete from uploads where object_key = :key").param("key", objectKey).update();
	}

	// why: a list whose email column cannot be guessed is still accepted; the person
	// picks the column when starting the job
	private static String emailColumnOf(ListInspection inspection) {
		if (inspection.emailColumnGuess().isEmpty()) {
			return null;
		}
		return inspection.headers().originals().get(inspection.emailColumnGuess().getAsInt());
	}

	private void record(Upload upload, long bytes) {
		try {
			jdbc.sql(
					"""
							insert into uploads (id, owner, filename, format, object_key, row_count, headers, email_column_guess, created_at, size_bytes)
							values (:id, :owner, :filename, :format, :key, :rows, :headers, :guess, :created, :bytes)""")
				.param("bytes", bytes)
				.param("id", upload.id().toString())
				.param("owner", upload.owner())
				.param("filename", upload.filename())
				.param("format", upload.format())
				.param("key", upload.objectKey())
				.param("rows", upload.rowCount())
				.param("headers", json.writeValueAsString(upload.headers()))
				.param("guess", upload.emailColumnGuess())
				.param("created", upload.createdAt())
				.update();
		}
		catch (RuntimeException e) {
			try {
				store.delete(upload.objectKey());
			}
			catch (IOException cleanup) {
				e.addSuppressed(cleanup);
			}
			throw e;
		}
	}

	private Upload upload(ResultSet rs, int row) throws SQLException {
		return new Upload(UUID.fromString(rs.getString("id")), rs.getString("owner"), rs.getString("filename"),
				rs.getString("format"), rs.getString("object_key"), rs.getLong("row_count"),
				json.readValue(rs.getString("headers"), new TypeReference<List<String>>() {
				}), rs.getString("email_column_guess"), rs.getTimestamp("created_at").toLocalDateTime());
	}

	/** The name people see; never used in a key. */
	private static String displayName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			return "upload";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

}
