package io.leadline.jobs.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Bytes bound for an S3 key, streamed: up to one part is held in memory; a larger object
 * becomes a multipart upload whose parts leave as they fill. S3 shows an object only once
 * its upload completes, so {@link #close()} publishes atomically and {@link #abort()}
 * leaves nothing behind.
 */
final class S3ObjectOutput extends ObjectOutput {

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final byte[] part;

	private int filled;

	private String uploadId;

	private final List<CompletedPart> parts = new ArrayList<>();

	private boolean finished;

	S3ObjectOutput(S3Client s3, String bucket, String key, int partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.part = new byte[partSize];
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		requireOpen();
		while (length > 0) {
			int n = Math.min(length, part.length - filled);
			System.arraycopy(bytes, offset, part, filled, n);
			filled += n;
			offset += n;
			length -= n;
			if (filled == part.length) {
				uploadPart();
			}
		}
	}

	@Override
	public void close() throws IOException {
		if (finished) {
			return;
		}
		finished = true;
		try {
			if (uploadId == null) {
				s3.putObject(put -> put.bucket(bucket).key(key), filledPart());
				return;
			}
			if (filled > 0) {
				sendPart();
			}
			s3.completeMultipartUpload(complete -> complete.bucket(bucket)
				.key(key)
				.uploadId(uploadId)
				.multipartUpload(upload -> upload.parts(parts)));
		}
		catch (SdkException e) {
			abortUpload();
			throw new IOException("cannot store s3://%s/%s: %s".formatted(bucket, key, e.getMessage()), e);
		}
	}

	@Override
	public void abort() {
		if (finished) {
			return;
		}
		finished = true;
		abortUpload();
	}

	private void uploadPart() throws IOException {
		try {
			if (uploadId == null) {
				uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
			}
			sendPart();
		}
		catch (SdkException e) {
			abort();
			throw new IOException("cannot upload a part of s3://%s/%s: %s".formatted(bucket, key, e.getMessage()), e);
		}
	}

	private void sendPart() {
		int number = parts.size() + 1;
		String etag = s3
			.uploadPart(upload -> upload.bucket(bucket).key(key).uploadId(uploadId).partNumber(number), filledPart())
			.eTag();
		parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
		filled = 0;
	}

	/**
	 * The filled bytes, not a copy: the SDK reads them (to sign, to send, again on a
	 * retry) before the call returns, and only then is the part refilled. A copy, as
	 * RequestBody.fromBytes makes, would hold the part in memory twice.
	 */
	private RequestBody filledPart() {
		int length = filled;
		return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length), length,
				"application/octet-stream");
	}

	private void abortUpload() {
		if (uploadId != null) {
			try {
				s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
			}
			catch (SdkException ignored) {
				// why: abort never throws; an orphaned upload is removed by the bucket's
				// lifecycle rule
			}
		}
	}

	private void requireOpen() {
		if (finished) {
			throw new UncheckedIOException(new IOException("s3://%s/%s is already closed".formatted(bucket, key)));
		}
	}

}
