package dev.tokenkeeper.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven by Debian's
 * {@code chromedriver}, both at fixed paths, so nothing is downloaded at run time (Selenium
 * Manager is told to stay offline and is never needed). Missing packages fail the tests: CI
 * installs them. One browser per test class, a clean one for each test (no cookies), and a
 * screenshot and the page's HTML in {@code target/browser-failures/} when a test fails.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private ChromeDriver driver;

	private Path profile;

	public ChromeDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(this.driver, PATIENCE);
	}

	/** What the page logged to the console as errors (script errors, refused by the Content-Security-Policy). */
	public List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("favicon"))
			.toList();
	}

	/** Saves a screenshot of the page as it is now. */
	public Path screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + CHROMIUM
					+ " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
		}
		System.setProperty("SE_OFFLINE", "true");
		this.profile = Files.createTempDirectory("tokenkeeper-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.driver.manage().window().setSize(DESKTOP);
		this.driver.manage().deleteAllCookies();
		this.driver.manage().logs().get(LogType.BROWSER);
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (this.driver == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		Path directory = Path.of("target", "browser-failures");
		try {
			screenshot(directory.resolve(name + ".png"));
			Files.writeString(directory.resolve(name + ".html"), this.driver.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (RuntimeException | IOException ex) {
			cause.addSuppressed(ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

}
