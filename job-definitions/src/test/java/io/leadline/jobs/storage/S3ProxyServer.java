package io.leadline.jobs.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3 endpoint on loopback, backed by a directory: the real S3 wire protocol, no
 * network.
 */
public final class S3ProxyServer implements AutoCloseable {

	public static final String ACCESS_KEY = "leadline-test";

	public static final String SECRET_KEY = "leadline-test-secret";

	private final S3Proxy proxy;

	public S3ProxyServer(Path directory, String bucket) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("jclouds.filesystem.basedir", directory.toString());
		properties.setProperty("jclouds.identity", ACCESS_KEY);
		properties.setProperty("jclouds.credential", SECRET_KEY);
		BlobStore blobs = BlobStores.create("filesystem", properties);
		blobs.createContainer(bucket);
		proxy = S3Proxy.builder()
			.blobStore(blobs)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			// why: the SDK sends headers S3Proxy does not know, notably on multipart
			// uploads
			.ignoreUnknownHeaders(true)
			.build();
		proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (proxy.getPort() <= 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	public StorageProperties.S3 settings(String bucket) {
		return settings(endpoint(), bucket);
	}

	/** Settings for a server started elsewhere, e.g. by the JVM that forked this one. */
	public static StorageProperties.S3 settings(URI endpoint, String bucket) {
		return new StorageProperties.S3(bucket, "us-east-1", endpoint, true, ACCESS_KEY, SECRET_KEY);
	}

	@Override
	public void close() throws Exception {
		proxy.stop();
	}

}
