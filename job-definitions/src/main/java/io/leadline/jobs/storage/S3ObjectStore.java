package io.leadline.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} on S3 or anything that speaks its API (MinIO, Ceph, R2), with
 * AWS SDK v2. Uploads stream in parts ({@link S3ObjectOutput}); downloads stream from the
 * response.
 */
public final class S3ObjectStore implements ObjectStore {

	/**
	 * 8 MiB: above S3's 5 MiB minimum part, small enough to keep a few objects open at
	 * once.
	 */
	static final int PART_SIZE = 8 * 1024 * 1024;

	private static final int DELETE_BATCH = 1000;

	private final S3Client s3;

	private final String bucket;

	private final int partSize;

	public S3ObjectStore(S3Client s3, String bucket) {
		this(s3, bucket, PART_SIZE);
	}

	S3ObjectStore(S3Client s3, String bucket, int partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.partSize = partSize;
	}

	@Override
	public String location(String key) {
		return "s3://" + bucket + "/" + ObjectKeys.requireSafe(key);
	}

	@Override
	public ObjectOutput create(String key) {
		return new S3ObjectOutput(s3, bucket, ObjectKeys.requireSafe(key), partSize);
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return s3.getObject(get -> get.bucket(bucket).key(ObjectKeys.requireSafe(key)));
		}
		catch (NoSuchKeyException e) {
			throw new NoSuchObjectException(key);
		}
		catch (SdkException e) {
			throw failure("read", key, e);
		}
	}

	@Override
	public Optional<ObjectInfo> stat(String key) throws IOException {
		try {
			HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(ObjectKeys.requireSafe(key)));
			return Optional.of(new ObjectInfo(key, head.contentLength(), head.eTag(), head.lastModified()));
		}
		catch (NoSuchKeyException e) {
			return Optional.empty();
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return Optional.empty();
			}
			throw failure("stat", key, e);
		}
		catch (SdkException e) {
			throw failure("stat", key, e);
		}
	}

	@Override
	public List<ObjectInfo> list(String prefix) throws IOException {
		try {
			List<ObjectInfo> objects = new ArrayList<>();
			for (S3Object object : s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents()) {
				objects.add(new ObjectInfo(object.key(), object.size(), object.eTag(), object.lastModified()));
			}
			return objects;
		}
		catch (SdkException e) {
			throw failure("list", prefix, e);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			s3.deleteObject(d -> d.bucket(bucket).key(ObjectKeys.requireSafe(key)));
		}
		catch (SdkException e) {
			throw failure("delete", key, e);
		}
	}

	@Override
	public void deletePrefix(String prefix) throws IOException {
		ObjectKeys.requireSafePrefix(prefix);
		List<ObjectIdentifier> batch = new ArrayList<>();
		for (ObjectInfo object : list(prefix)) {
			batch.add(ObjectIdentifier.builder().key(object.key()).build());
			if (batch.size() == DELETE_BATCH) {
				deleteAll(batch);
			}
		}
		deleteAll(batch);
	}

	private void deleteAll(List<ObjectIdentifier> batch) throws IOException {
		if (batch.isEmpty()) {
			return;
		}
		try {
			List<ObjectIdentifier> keys = List.copyOf(batch);
			s3.deleteObjects(d -> d.bucket(bucket).delete(del -> del.objects(keys).quiet(true)));
			batch.clear();
		}
		catch (SdkException e) {
			throw failure("delete", batch.get(0).key(), e);
		}
	}

	private IOException failure(String action, String key, SdkException e) {
		return new IOException("cannot %s s3://%s/%s: %s".formatted(action, bucket, key, e.getMessage()), e);
	}

}
