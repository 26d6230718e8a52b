package io.leadline.app.notify;

import static io.leadline.app.notify.NotifyFixtures.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {

	private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34", "intranet.example.com",
			"10.1.2.3");

	private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, false, WebhookUrlPolicyTest::resolve);

	@Test
	void acceptsHttpsToAPublicAddress() {
		assertThat(strict.check("https://hooks.example.com/leadline?team=7"))
			.hasToString("https://hooks.example.com/leadline?team=7");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.8/hook",
			"https://172.16.5.4/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
			"https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://224.0.0.1/hook", "https://[::1]/hook",
			"https://[::]/hook", "https://[fe80::1]/hook", "https://[fd12:3456::1]/hook", "https://[ff02::1]/hook",
			"https://[::ffff:127.0.0.1]/hook", "https://[64:ff9b::a00:1]/hook", "https://intranet.example.com/hook" })
	void refusesInsideAddresses(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOfSatisfying(WebhookUrlRefused.class,
				e -> assertThat(e.code()).isEqualTo(WebhookUrlRefused.ADDRESS));
	}

	@Test
	void refusesAHostWithOneInsideAddressAmongPublicOnes() {
		var policy = new WebhookUrlPolicy(false, false,
				host -> new InetAddress[] { address("93.184.216.34"), address("192.168.0.9") });

		assertThatThrownBy(() -> policy.check("https://mixed.example.com/hook"))
			.isInstanceOfSatisfying(WebhookUrlRefused.class, e -> {
				assertThat(e.code()).isEqualTo(WebhookUrlRefused.ADDRESS);
				assertThat(e.getMessage()).contains("192.168.0.9");
			});
	}

	@Test
	void refusesPlainHttpUnlessAllowed() {
		assertThatThrownBy(() -> strict.check("http://hooks.example.com/hook")).isInstanceOfSatisfying(
				WebhookUrlRefused.class, e -> assertThat(e.code()).isEqualTo(WebhookUrlRefused.INSECURE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "hooks.example.com/hook", "ftp://hooks.example.com/hook", "https:///hook",
			"https://user:pw@hooks.example.com/hook", "https://hooks.example.com/hook#x", "https://exa mple.com/" })
	void refusesWhatIsNotAnHttpsUrlWithAHost(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOfSatisfying(WebhookUrlRefused.class,
				e -> assertThat(e.code()).isEqualTo(WebhookUrlRefused.INVALID));
	}

	@Test
	void refusesAHostThatDoesNotResolve() {
		assertThatThrownBy(() -> strict.check("https://nowhere.example.com/hook")).isInstanceOfSatisfying(
				WebhookUrlRefused.class, e -> assertThat(e.code()).isEqualTo(WebhookUrlRefused.UNRESOLVABLE));
	}

	@Test
	void theSettingAllowsHttpAndLoopbackForTestsAndClosedNetworks() {
		var open = new WebhookUrlPolicy(true, true, WebhookUrlPolicyTest::resolve);

		assertThat(open.check("http://127.0.0.1:8089/hook")).hasToString("http://127.0.0.1:8089/hook");
		assertThat(open.check("http://intranet.example.com/hook")).hasToString("http://intranet.example.com/hook");
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (DNS.containsKey(host)) {
			return new InetAddress[] { address(DNS.get(host)) };
		}
		if (host.equals("localhost")) {
			return new InetAddress[] { address("127.0.0.1") };
		}
		if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
			return InetAddress.getAllByName(host);
		}
		throw new UnknownHostException(host);
	}

}
