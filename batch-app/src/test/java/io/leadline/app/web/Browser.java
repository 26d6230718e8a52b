package io.leadline.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (nothing downloaded), with a fresh
 * profile; writes screenshots for the README.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

	static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	final ChromeDriver driver;

	final WebDriverWait wait;

	private final String base;

	private final Path profile;

	private Browser(ChromeDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	static boolean isInstalled() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	static Browser open(int port) throws IOException {
		Path profile = Files.createTempDirectory("leadline-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US", "--user-data-dir=" + profile,
					"--window-size=" + DESKTOP.width + "," + DESKTOP.height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
	}

	/**
	 * Waits for {@code condition}; on a timeout the failure names the page and its text.
	 */
	void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		try {
			wait.until(condition);
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError(
					"timed out on " + driver.getCurrentUrl() + ":\n" + driver.findElement(By.tagName("body")).getText(),
					e);
		}
	}

	Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	String text(String css) {
		return find(css).getText();
	}

	boolean has(String css) {
		return !driver.findElements(By.cssSelector(css)).isEmpty();
	}

	Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	void signIn(String email, String password) {
		driver.manage().deleteAllCookies();
		go("/signin");
		find("#email").sendKeys(email);
		find("#password").sendKeys(password);
		find("#signin").click();
		until(d -> d.getCurrentUrl().equals(base + "/"));
	}

	String sessionCookie() {
		return "LEADLINE_SESSION=" + driver.manage().getCookieNamed("LEADLINE_SESSION").getValue();
	}

	/** The whole page at {@code size}'s width, as {@code docs/screenshots/NAME.png}. */
	void screenshot(String name, Dimension size) {
		try {
			driver.manage().window().setSize(size);
			Number height = (Number) script("return document.documentElement.scrollHeight");
			driver.manage().window().setSize(new Dimension(size.width, Math.max(size.height, height.intValue())));
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
			driver.manage().window().setSize(DESKTOP);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
