package io.leadline.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.config.BeanPostProcessor;

import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectOutput;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Wraps the app's object store so a test can hold the merge step right after it published
 * an owner's result, as a slow merge of a big list would be held: the test acts
 * (downloads, stops) while the result exists and the step has not finished.
 */
final class HeldResults implements BeanPostProcessor {

	private volatile Hold hold;

	/** The next result written under {@code outputs/{owner}/} holds its merge step. */
	Hold holdAfterPublishing(String owner) {
		Hold next = new Hold("outputs/" + owner + "/");
		hold = next;
		return next;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof ObjectStore store ? new Holding(store) : bean;
	}

	/**
	 * One armed hold: its merge waits between {@link #published} and {@link #release}.
	 */
	static final class Hold {

		private final String prefix;

		private final CountDownLatch published = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		Hold(String prefix) {
			this.prefix = prefix;
		}

		void awaitPublished() throws InterruptedException {
			if (!published.await(90, TimeUnit.SECONDS)) {
				throw new AssertionError("no result was published under " + prefix);
			}
		}

		void release() {
			released.countDown();
		}

		private boolean matches(String key) {
			return key.startsWith(prefix) && key.contains("/result.");
		}

		private void holdMerge() throws IOException {
			published.countDown();
			try {
				if (!released.await(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS)) {
					throw new IOException("the test never released the merge of " + prefix);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException(e);
			}
		}

	}

	private final class Holding implements ObjectStore {

		private final ObjectStore store;

		Holding(ObjectStore store) {
			this.store = store;
		}

		@Override
		public void write(String key, Body body) throws IOException {
			store.write(key, body);
			Hold armed = hold;
			if (armed != null && armed.matches(key)) {
				hold = null;
				armed.holdMerge();
			}
		}

		@Override
		public String location(String key) {
			return store.location(key);
		}

		@Override
		public ObjectOutput create(String key) throws IOException {
			return store.create(key);
		}

		@Override
		public void put(String key, Path file) throws IOException {
			store.put(key, file);
		}

		@Override
		public InputStream open(String key) throws IOException {
			return store.open(key);
		}

		@Override
		public void copyTo(String key, Path target) throws IOException {
			store.copyTo(key, target);
		}

		@Override
		public Optional<ObjectInfo> stat(String key) throws IOException {
			return store.stat(key);
		}

		@Override
		public List<ObjectInfo> list(String prefix) throws IOException {
			return store.list(prefix);
		}

		@Override
		public void delete(String key) throws IOException {
			store.delete(key);
		}

		@Override
		public void deletePrefix(String prefix) throws IOException {
			store.deletePrefix(prefix);
		}

	}

}
