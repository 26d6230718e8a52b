package io.leadline.app.jobs;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.input.InputFormat;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The record of stored uploads (table {@code uploads}); {@link ListIntake} takes them in.
 */
@Component
public class Uploads {

	private final ObjectStore store;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Uploads(ObjectStore store, DataSource dataSource, JsonMapper json) {
		this.store = store;
		this.jdbc = JdbcClient.create(dataSource);
		this.json = json;
	}

	/** The upload, whoever owns it; callers check the owner. */
	public Optional<Upload> find(UUID id) {
		return jdbc.sql("select * from uploads where id = :id")
			.param("id", id.toString())
			.query(this::upload)
			.optional();
	}

	/** Forgets uploads stored under {@code objectKey} and deletes the object. */
	public void deleteByObjectKey(String objectKey) throws IOException {
		store.delete(objectKey);
		jdbc.sql("delete from uploads where object_key = :key").param("key", objectKey).update();
	}

	/** Records a stored upload; deletes its object when the record cannot be written. */
	void record(Upload upload, long bytes) {
		try {
			jdbc.sql(
					"""
							insert into uploads (id, owner, filename, format, object_key, row_count, headers, email_column_guess, created_at, size_bytes)
							values (:id, :owner, :filename, :format, :key, :rows, :headers, :guess, :created, :bytes)""")
				.param("bytes", bytes)
				.param("id", upload.id().toString())
				.param("owner", upload.owner())
				.param("filename", upload.filename())
				.param("format", upload.format().extension())
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
				InputFormat.parse(rs.getString("format")), rs.getString("object_key"), rs.getLong("row_count"),
				json.readValue(rs.getString("headers"), new TypeReference<List<String>>() {
				}), rs.getString("email_column_guess"), rs.getTimestamp("created_at").toLocalDateTime());
	}

}
