package io.leadline.app.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook URLs Leadline calls: {@code https://} to public addresses only, unless
 * {@code LEADLINE_ALLOW_HTTP_WEBHOOKS=true}. The host is resolved and every address it
 * resolves to is checked, when the URL is set and again before each delivery, so a name
 * that later resolves to an inside address (DNS rebinding) is refused too.
 */
final class WebhookUrlPolicy {

	static final int MAX_LENGTH = 2048;

	/** Resolves a host name; the JVM's resolver in production, a stub in tests. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowHttp;

	private final boolean allowInsideAddresses;

	private final Resolver resolver;

	/**
	 * @param allowHttp {@code http://} URLs are accepted
	 * @param allowInsideAddresses loopback, private, link-local, unique-local, multicast
	 * and unspecified addresses are accepted
	 */
	WebhookUrlPolicy(boolean allowHttp, boolean allowInsideAddresses, Resolver resolver) {
		this.allowHttp = allowHttp;
		this.allowInsideAddresses = allowInsideAddresses;
		this.resolver = resolver;
	}

	static WebhookUrlPolicy of(NotifyProperties properties) {
		return new WebhookUrlPolicy(properties.allowHttpWebhooks(), properties.allowHttpWebhooks(),
				InetAddress::getAllByName);
	}

	/**
	 * @return the URL, normalized, when Leadline may call it
	 * @throws WebhookUrlRefused with the reason's code
	 */
	URI check(String url) {
		URI uri = parse(url);
		addressesOf(uri.getHost());
		return uri;
	}

	/**
	 * Resolves {@code host} and checks every address; used before each delivery and as
	 * the HTTP client's resolver, so the addresses checked are the addresses connected
	 * to.
	 * @throws WebhookUrlRefused when the host does not resolve or any address is refused
	 */
	List<InetAddress> addressesOf(String host) {
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(bare(host));
		}
		catch (UnknownHostException e) {
			throw new WebhookUrlRefused(WebhookUrlRefused.UNRESOLVABLE, "the host " + host + " does not resolve");
		}
		if (addresses == null || addresses.length == 0) {
			throw new WebhookUrlRefused(WebhookUrlRefused.UNRESOLVABLE, "the host " + host + " does not resolve");
		}
		for (InetAddress address : addresses) {
			if (!allowInsideAddresses && isInside(address)) {
				// why: any one inside address is enough to reach it; the client may pick
				// any of them
				throw new WebhookUrlRefused(WebhookUrlRefused.ADDRESS,
						"the host " + host + " resolves to " + address.getHostAddress()
								+ ", a loopback, private, link-local or otherwise internal address; webhooks go to"
								+ " public addresses");
			}
		}
		return List.of(addresses);
	}

	private URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw invalid("a webhook URL is required");
		}
		if (url.length() > MAX_LENGTH) {
			throw invalid("the webhook URL is longer than " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw invalid("the webhook URL is not a URL: " + e.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw invalid("the webhook URL must start with https://");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid("the webhook URL has no host");
		}
		// why: credentials in the URL would be shown back on every GET and logged
		if (uri.getRawUserInfo() != null) {
			throw invalid("the webhook URL must not carry a user name or password; use the signature instead");
		}
		if (uri.getRawFragment() != null) {
			throw invalid("the webhook URL must not have a #fragment");
		}
		if (scheme.equals("http") && !allowHttp) {
			throw new WebhookUrlRefused(WebhookUrlRefused.INSECURE,
					"the webhook URL must use https:// (http:// is allowed only with LEADLINE_ALLOW_HTTP_WEBHOOKS=true)");
		}
		return uri.normalize();
	}

	private static WebhookUrlRefused invalid(String detail) {
		return new WebhookUrlRefused(WebhookUrlRefused.INVALID, detail);
	}

	/** {@code [::1]} → {@code ::1}: a URI keeps the brackets of an IPv6 literal. */
	private static String bare(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * Loopback, private (RFC 1918 and carrier-grade NAT), link-local (cloud metadata
	 * lives there), unique-local IPv6, multicast, unspecified, and IPv4 addresses hidden
	 * in IPv6 (mapped, NAT64 well-known prefix).
	 */
	static boolean isInside(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 255.255.255.255
			return first == 0 || (first == 100 && second >= 64 && second <= 127) || first == 255;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local
			if ((bytes[0] & 0xfe) == 0xfc) {
				return true;
			}
			// ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64)
			if (isMapped(bytes) || isCompatible(bytes) || isNat64(bytes)) {
				return isInside(ipv4Tail(bytes));
			}
		}
		return false;
	}

	private static boolean isMapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

	private static boolean isCompatible(byte[] bytes) {
		for (int i = 0; i < 12; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isNat64(byte[] bytes) {
		byte[] prefix = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4Tail(byte[] bytes) {
		try {
			return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("4 bytes are always an IPv4 address", e);
		}
	}

}
