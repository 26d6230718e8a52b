package io.leadline.jobs.storage;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where objects live: the local directory {@code root}, or an S3-compatible bucket when
 * {@code s3.bucket} is set.
 *
 * @param root directory of the local object store (the embedded default)
 */
@Validated
@ConfigurationProperties("leadline.storage")
public record StorageProperties(@DefaultValue("./data/objects") Path root, @DefaultValue S3 s3) {

	/**
	 * @param endpoint for MinIO, Ceph, R2 and the like; empty for AWS
	 * @param pathStyle {@code bucket} in the path instead of the host name, as MinIO
	 * wants
	 * @param accessKey with {@code secretKey}; empty uses the AWS default chain (env,
	 * profile, role)
	 */
	public record S3(String bucket, @DefaultValue("us-east-1") String region, URI endpoint,
			@DefaultValue("false") boolean pathStyle, String accessKey, String secretKey) {

		public boolean configured() {
			return bucket != null && !bucket.isBlank();
		}

		/**
		 * A client for this bucket; checksums only where S3 requires them, so
		 * S3-compatible stores accept every call.
		 */
		public S3Client client() {
			var builder = S3Client.builder()
				.region(Region.of(region))
				.forcePathStyle(pathStyle)
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
				.credentialsProvider(credentials());
			if (endpoint != null && !endpoint.toString().isBlank()) {
				builder.endpointOverride(endpoint);
			}
			return builder.build();
		}

		private AwsCredentialsProvider credentials() {
			if (accessKey != null && !accessKey.isBlank()) {
				return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
			}
			return DefaultCredentialsProvider.builder().build();
		}

		// why: settings reach logs and error messages; the secret key never does
		@Override
		public String toString() {
			return "S3[bucket=%s, region=%s, endpoint=%s, pathStyle=%s, accessKey=%s, secretKey=%s]".formatted(bucket,
					region, endpoint, pathStyle, accessKey, secretKey == null || secretKey.isBlank() ? "" : "****");
		}

	}
}
