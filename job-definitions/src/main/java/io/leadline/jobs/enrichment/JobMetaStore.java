package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.storage.ObjectStore;

/** Keeps {@link JobMeta} as JSON in the work area, where merge and restarts find it. */
final class JobMetaStore {

	private final ObjectStore store;

	private final JsonMapper json;

	JobMetaStore(ObjectStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	void save(WorkArea work, JobMeta meta) throws IOException {
		store.write(work.metaKey(), out -> json.writeValue(out, meta));
	}

	JobMeta load(WorkArea work) throws IOException {
		try (InputStream in = store.open(work.metaKey())) {
			return json.readValue(in, JobMeta.class);
		}
	}

}
