package io.leadline.app.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an event proves it comes from Leadline, in the manner of Stripe's webhooks: the
 * header {@code X-Leadline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} signs
 * {@code "<t>.<body>"} with the account's secret (its UTF-8 bytes). A receiver recomputes
 * it, compares in constant time and refuses an old {@code t} (replay).
 */
final class WebhookSignature {

	static final String HEADER = "X-Leadline-Signature";

	static final String EVENT_ID_HEADER = "X-Leadline-Event-Id";

	static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** A fresh per-account secret: 32 random bytes. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The header's value for {@code body} sent at {@code unixSeconds}. */
	static String header(String secret, long unixSeconds, String body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
	}

	/**
	 * What a receiver does (the README shows the same in a few lines): true when
	 * {@code header} signs {@code body} with {@code secret}.
	 */
	static boolean verifies(String secret, String header, String body) {
		String t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				t = part.substring(2);
			}
			else if (part.startsWith("v1=")) {
				v1 = part.substring(3);
			}
		}
		if (t == null || v1 == null) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
				v1.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

}
