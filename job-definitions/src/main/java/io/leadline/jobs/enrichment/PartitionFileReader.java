package io.leadline.jobs.enrichment;

import java.io.IOException;

import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.leadline.jobs.storage.ObjectStore;

/**
 * Reads one partition file. Restartable: Batch saves the read count at each commit, and
 * on restart this reader skips that many rows, so committed rows are not researched
 * again.
 */
class PartitionFileReader extends AbstractItemCountingItemStreamItemReader<ProspectRow> {

	private final ObjectStore store;

	private final String key;

	private WorkFile.Reader<ProspectRow> rows;

	PartitionFileReader(ObjectStore store, String key) {
		this.store = store;
		this.key = key;
		setName("partitionFile");
	}

	@Override
	protected void doOpen() throws Exception {
		rows = new WorkFile.Reader<>(store.open(key), ProspectRow::fromFields);
	}

	@Override
	protected ProspectRow doRead() {
		return rows.hasNext() ? rows.next() : null;
	}

	@Override
	protected void doClose() {
		if (rows != null) {
			try {
				rows.close();
			}
			catch (IOException e) {
				throw new ItemStreamException("cannot close " + key, e);
			}
		}
	}

}
