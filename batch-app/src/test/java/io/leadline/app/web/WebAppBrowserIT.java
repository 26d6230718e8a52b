package io.leadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mockwebserver3.MockResponse;

import io.leadline.app.LeadlineApplication;
import io.leadline.app.security.LocalUser;
import io.leadline.app.security.LocalUsers;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.input.SourceRecord;
import io.leadline.jobs.input.TableHandler;
import io.leadline.jobs.input.TableReader;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.research.ProviderWire;

/**
 * The web app as a person uses it, in headless Chromium: one server and one browser for
 * the whole class, a fresh account per test. Skipped only when Debian's chromium and
 * chromium-driver are not installed ({@code .ci/run} installs them). Each page it visits
 * is saved under {@code docs/screenshots/}.
 */
@SpringBootTest(classes = LeadlineApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:web;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"leadline.access.signup=open", "leadline.enrichment.partitions=2", "leadline.enrichment.chunk-size=10",
				"leadline.enrichment.retry-delay=5ms", "leadline.enrichment.retry-max-delay=20ms",
				"leadline.notify.allow-http-webhooks=true" })
class WebAppBrowserIT {

	static final Path SAMPLES = Path.of("..", "sample-data").toAbsolutePath().normalize();

	static final String PASSWORD = "correct horse battery";

	/**
	 * Two searches a row, a chunk of ten rows on each of two partitions: enough for the
	 * first chunks to commit, so the held job shows some progress.
	 */
	static final int FIRST_CHUNKS_SEARCHES = 40;

	static final FakeProviders PROVIDERS = FakeProviders.started();

	static Path data;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	LocalUsers users;

	@Autowired
	CreditLedger ledger;

	@DynamicPropertySource
	static void wire(DynamicPropertyRegistry registry) throws IOException {
		data = Files.createTempDirectory("leadline-web-");
		ProviderSettings fake = PROVIDERS.settings();
		registry.add("leadline.data-dir", data::toString);
		registry.add("SERPER_API_KEY", fake::serperKey);
		registry.add("GROQ_API_KEY", fake::groqKey);
		registry.add("LEADLINE_SERPER_URL", fake::serperUrl);
		registry.add("LEADLINE_GROQ_URL", fake::groqUrl);
		registry.add("leadline.batch.poll-first", () -> "5ms");
		registry.add("leadline.batch.poll-max", () -> "50ms");
		// why: the catalog sells offers with a Stripe price; billing itself stays off
		// here
		registry.add("leadline.billing.plans.growth.price-id", () -> "price_growth");
		registry.add("leadline.billing.packs.pack-1000.price-id", () -> "price_pack_1000");
	}

	@BeforeAll
	static void chromium() {
		assumeTrue(Browser.isInstalled(), "Debian's chromium and chromium-driver are not installed");
	}

	@BeforeEach
	void openBrowser() throws IOException {
		if (browser == null) {
			browser = Browser.open(port);
		}
		PROVIDERS.serper = ProviderWire::searchResultsFor;
	}

	@AfterAll
	static void closeBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
		PROVIDERS.close();
	}

	@Test
	void signsUpUploadsTheSampleWorkbookWatchesItRunAndDownloadsEveryRowInOrder() throws Exception {
		String email = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		browser.driver.manage().deleteAllCookies();
		browser.go("/signin");
		browser.screenshot("signin", Browser.DESKTOP);
		browser.driver.findElement(By.linkText("Create an account")).click();
		browser.find("#email").sendKeys(email);
		browser.find("#password").sendKeys(PASSWORD);
		browser.screenshot("signup", Browser.DESKTOP);
		browser.find("#signup").click();
		browser.until(d -> d.findElements(By.cssSelector("#zero-balance")).size() == 1);
		browser.screenshot("home-zero-balance", Browser.DESKTOP);
		ledger.grant(users.find(email).orElseThrow().accountId(), 120, "browser test");

		browser.go("/lists/new");
		browser.screenshot("new-list", Browser.DESKTOP);
		browser.find("#file").sendKeys(SAMPLES.resolve("prospects.xlsx").toAbsolutePath().toString());
		browser.until(d -> d.getCurrentUrl().contains("/lists/") && !d.getCurrentUrl().endsWith("/new"));
		assertThat(browser.text("#file")).isEqualTo("prospects.xlsx");
		assertThat(browser.text("#row-count")).isEqualTo("50");
		assertThat(browser.text("#cost")).isEqualTo("50 credits");
		assertThat(browser.text("#available")).isEqualTo("120 credits");
		assertThat(browser.driver.findElements(By.cssSelector("#preview tbody tr"))).hasSize(5);
		assertThat(new Select(browser.find("#emailColumn")).getFirstSelectedOption().getText())
			.isEqualTo("E-Mail Address");
		browser.screenshot("new-list-setup", Browser.DESKTOP);
		browser.screenshot("new-list-setup-phone", Browser.PHONE);

		AtomicInteger searches = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		PROVIDERS.serper = query -> searches.incrementAndGet() > FIRST_CHUNKS_SEARCHES ? held(release, query)
				: ProviderWire.searchResultsFor(query);
		browser.find("#start").click();
		browser.until(d -> d.getCurrentUrl().matches(".*/jobs/[0-9a-f-]{36}$"));
		browser.until(d -> "running".equals(state()) && percent() > 0);
		assertThat(percent()).isLessThan(100);
		browser.script("window.leadlineNoReload = true");
		browser.screenshot("job-running", Browser.DESKTOP);
		release.countDown();

		browser.until(d -> "completed".equals(state()));
		assertThat(percent()).isEqualTo(100);
		assertThat(browser.script("return window.leadlineNoReload === true")).as("no reload").isEqualTo(true);
		assertThat(browser.text("#counts")).contains("ok").contains("invalid").contains("duplicate");
		assertThat(browser.text("#charged")).isEqualTo("47");
		assertThat(browser.driver.findElements(By.cssSelector("#result-preview tbody tr"))).hasSize(20);
		assertThat(browser.text("#result-preview")).doesNotContain("{\"person\"");
		browser.screenshot("job", Browser.DESKTOP);
		browser.screenshot("job-phone", Browser.PHONE);

		Path result = download(browser.find("a.download").getAttribute("href"));
		List<List<String>> inputRows = rows(SAMPLES.resolve("prospects.xlsx"));
		List<List<String>> resultRows = rows(result);
		assertThat(resultRows.get(0)).endsWith("sif_research", "sif_personalized", "sif_status", "sif_reason");
		assertThat(resultRows).hasSize(inputRows.size());
		for (int row = 1; row < inputRows.size(); row++) {
			assertThat(resultRows.get(row).subList(0, inputRows.get(0).size())).as("row %d", row)
				.isEqualTo(inputRows.get(row));
		}

		browser.go("/jobs");
		assertThat(browser.text("#job-groups")).containsIgnoringCase("today")
			.contains("prospects.xlsx")
			.contains("Completed");
		browser.screenshot("jobs", Browser.DESKTOP);
		browser.screenshot("jobs-phone", Browser.PHONE);
		browser.go("/");
		assertThat(browser.text("#personalized")).isEqualTo("47");
		browser.screenshot("home", Browser.DESKTOP);
		browser.screenshot("home-phone", Browser.PHONE);
	}

	@Test
	void aListWithoutAGuessableEmailColumnStartsOnceTheColumnIsChosenAndStaysPrivate() throws Exception {
		String owner = aUserWithCredits("bo", 20).email();
		Path list = Files.createTempFile(data, "people-", ".csv").toRealPath();
		Files.writeString(list, """
				Name,Reach
				Ann,ann@alpha-%1$s.example
				Bob,bob@beta-%1$s.example
				Cy,call Cy on Monday
				Di,linkedin only
				""".formatted(UUID.randomUUID().toString().substring(0, 6)), StandardCharsets.UTF_8);
		browser.signIn(owner, PASSWORD);

		browser.go("/lists/new");
		browser.find("#file").sendKeys(list.toAbsolutePath().toString());
		browser.until(d -> d.findElements(By.cssSelector("#no-guess")).size() == 1);
		new Select(browser.find("#emailColumn")).selectByVisibleText("Reach");
		browser.find("#start").click();
		browser.until(d -> "completed".equals(state()));
		String jobPage = browser.driver.getCurrentUrl();
		String download = browser.find("a.download").getAttribute("href");
		assertThat(browser.text("#counts")).contains("ok").contains("invalid");

		browser.signIn(aUserWithCredits("cy", 0).email(), PASSWORD);
		browser.driver.get(jobPage);
		assertThat(browser.text("#problem")).contains("could not find");
		browser.screenshot("not-found", Browser.DESKTOP);
		assertThat(get(download).statusCode()).isEqualTo(404);
	}

	@Test
	void aListStartedOvernightGoesThroughTheBatchServiceAndSaysSo() throws Exception {
		String owner = aUserWithCredits("di", 20).email();
		Path list = Files.createTempFile(data, "overnight-", ".csv").toRealPath();
		Files.writeString(list, """
				Name,Email,Company
				Ann,ann@alpha-%1$s.example,Alpha
				Bob,bob@beta-%1$s.example,Beta
				""".formatted(UUID.randomUUID().toString().substring(0, 6)), StandardCharsets.UTF_8);
		int liveChats = PROVIDERS.chatCalls().size();
		int batches = PROVIDERS.batches.batchesCreated();
		browser.signIn(owner, PASSWORD);

		browser.go("/lists/new");
		browser.find("#file").sendKeys(list.toAbsolutePath().toString());
		browser.until(d -> d.findElements(By.cssSelector("#mode-batch")).size() == 1);
		assertThat(browser.find("#mode-live").isSelected()).isTrue();
		browser.find("#mode-batch").click();
		browser.find("#start").click();
		browser.until(d -> "completed".equals(state()));

		assertThat(browser.text("#mode")).isEqualTo("overnight (batch)");
		assertThat(PROVIDERS.batches.batchesCreated()).isGreaterThan(batches);
		assertThat(PROVIDERS.chatCalls()).hasSize(liveChats);
	}

	@Test
	void anAccountShortOfCreditsSeesItAndCannotStart() {
		LocalUser user = aUserWithCredits("di", 10);
		browser.signIn(user.email(), PASSWORD);

		browser.go("/lists/new");
		browser.find("#file").sendKeys(SAMPLES.resolve("prospects.csv").toAbsolutePath().toString());
		browser.until(d -> d.findElements(By.cssSelector("#not-enough")).size() == 1);
		assertThat(browser.text("#not-enough")).contains("Not enough credits").contains("40 more");
		assertThat(browser.find("#start").isEnabled()).isFalse();
		browser.screenshot("new-list-not-enough", Browser.DESKTOP);
		browser.script("var b = document.getElementById('start'); b.disabled = false; b.click();");

		browser.until(d -> d.findElements(By.cssSelector("#error")).size() == 1);
		assertThat(browser.text("#error")).contains("50 credits").contains("balance is 10");
		assertThat(ledger.account(user.accountId()).balance()).isEqualTo(10);
		browser.go("/jobs");
		assertThat(browser.text("#job-groups")).contains("No jobs yet");
	}

	@Test
	void theBillingPageShowsTheCatalogThePlanAndTheLedgerAndSaysWhenBillingIsOff() {
		LocalUser user = aUserWithCredits("flo", 10);
		browser.signIn(user.email(), PASSWORD);

		browser.go("/billing");

		assertThat(browser.text("#current-plan")).contains("Free");
		assertThat(browser.text("#plans")).contains("Growth").contains("3,000").contains("79.00 USD / month");
		assertThat(browser.text("#packs")).contains("1,000 credits").contains("35.00 USD");
		assertThat(browser.text("#billing-off")).contains("billing is off");
		assertThat(browser.find("#buy-growth").isEnabled()).isFalse();
		assertThat(browser.text("#billing-ledger")).contains("+10");
		browser.screenshot("billing", Browser.DESKTOP);
	}

	@Test
	void repeatedWrongPasswordsMakeTheNextSignInWaitEvenWithTheRightOne() {
		LocalUser user = aUserWithCredits("fay", 0);
		browser.driver.manage().deleteAllCookies();

		for (int attempt = 1; attempt <= 3; attempt++) {
			signInWith(user.email(), "not the password " + attempt);
		}
		assertThat(browser.text("#error")).contains("Too many failed sign-ins");
		signInWith(user.email(), PASSWORD);

		assertThat(browser.driver.getCurrentUrl()).contains("/signin?error=locked");
		assertThat(browser.text("#error")).contains("Too many failed sign-ins");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		LocalUser user = aUserWithCredits("ed", 0);
		browser.signIn(user.email(), PASSWORD);
		browser.go("/account");
		browser.find("#token-name").sendKeys("forged");

		browser.script("document.querySelectorAll('input[name=_csrf]').forEach(function (e) { e.remove(); });");
		browser.find("#create-token").click();

		browser.until(d -> d.findElements(By.cssSelector("#problem")).size() == 1);
		assertThat(browser.text("#problem")).contains("Reload the page");
		browser.go("/account");
		assertThat(browser.has("#tokens")).isFalse();
	}

	@Test
	void aPersonalTokenIsShownOnceWorksOnTheApiAndStopsWhenRevoked() throws Exception {
		LocalUser admin = users.create("ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", PASSWORD,
				true);
		browser.signIn(admin.email(), PASSWORD);
		browser.go("/account");
		browser.find("#token-name").sendKeys("CRM sync");
		browser.find("#create-token").click();
		String token = browser.find("#token-value").getAttribute("value");
		browser.screenshot("account", Browser.DESKTOP);

		HttpResponse<String> me = api("/api/account", token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"id\":\"" + admin.accountId() + "\"");

		browser.go("/account");
		assertThat(browser.has("#token-value")).as("shown once").isFalse();
		browser.find("#tokens button").click();
		browser.driver.switchTo().alert().accept();
		browser.until(d -> d.findElements(By.cssSelector("#notice")).size() == 1);
		assertThat(api("/api/account", token).statusCode()).isEqualTo(401);

		browser.go("/admin");
		assertThat(browser.text("#accounts")).contains(admin.email());
		browser.screenshot("admin", Browser.DESKTOP);
	}

	@Test
	void aWebhookSecretIsShownOnceAndTheWebhookCanBeRemoved() {
		LocalUser user = aUserWithCredits("hooks", 0);
		browser.signIn(user.email(), PASSWORD);
		browser.go("/account");
		browser.find("#webhook-url").sendKeys("ftp://files.example.com/drop");
		browser.find("#set-webhook").click();
		String refused = browser.text("#error");

		browser.find("#webhook-url").clear();
		browser.find("#webhook-url").sendKeys("http://127.0.0.1:9/leadline");
		browser.find("#set-webhook").click();
		String secret = browser.find("#webhook-secret").getAttribute("value");
		browser.go("/account");
		boolean shownAgain = browser.has("#webhook-secret");
		String current = browser.text("#webhook-current");
		browser.find("#remove-webhook").click();
		browser.driver.switchTo().alert().accept();
		browser.until(d -> d.findElements(By.cssSelector("#notice")).size() == 1);

		assertThat(refused).contains("https://");
		assertThat(secret).startsWith("whsec_");
		assertThat(shownAgain).as("shown once").isFalse();
		assertThat(current).isEqualTo("http://127.0.0.1:9/leadline");
		assertThat(browser.has("#webhook-current")).isFalse();
	}

	private LocalUser aUserWithCredits(String name, long credits) {
		LocalUser user = users.create(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
				PASSWORD, false);
		if (credits > 0) {
			ledger.grant(user.accountId(), credits, "browser test");
		}
		return user;
	}

	private void signInWith(String email, String password) {
		browser.go("/signin");
		browser.find("#email").sendKeys(email);
		browser.find("#password").sendKeys(password);
		browser.find("#signin").click();
		browser.until(d -> d.getCurrentUrl().contains("/signin?error"));
	}

	private String state() {
		// why: htmx swaps the element every second; one script reads it atomically
		return (String) browser
			.script("var e = document.getElementById('job-live'); return e ? e.dataset.state : null;");
	}

	private int percent() {
		String text = (String) browser.script("return document.querySelector('#job-live .percent').textContent;");
		return Integer.parseInt(text.replace("%", "").strip());
	}

	// why: the job stays running until the test has seen it running, however fast the
	// fakes are
	private static MockResponse held(CountDownLatch release, String query) {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return ProviderWire.searchResultsFor(query);
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", browser.sessionCookie()).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> api(String path, String token) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Path download(String url) throws IOException, InterruptedException {
		Path file = Files.createTempFile(data, "result-", ".xlsx");
		HttpResponse<Path> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", browser.sessionCookie()).build(),
					HttpResponse.BodyHandlers.ofFile(file));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("prospects-enriched.xlsx");
		return file;
	}

	/** Header first, then every data row, as read by the app's own reader. */
	private static List<List<String>> rows(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		TableReader.read(file, new TableHandler() {
			@Override
			public void header(List<String> names) {
				rows.add(names);
			}

			@Override
			public void row(SourceRecord record) {
				if (!record.isBlank()) {
					rows.add(record.cells());
				}
			}
		});
		return rows;
	}

}
