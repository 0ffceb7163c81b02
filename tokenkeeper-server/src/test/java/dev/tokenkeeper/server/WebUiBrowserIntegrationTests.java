package dev.tokenkeeper.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.tokenkeeper.server.support.Browser;
import dev.tokenkeeper.server.support.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page of the web UI in a real browser: usable on a phone, labelled, and quiet in the console. */
class WebUiBrowserIntegrationTests extends IntegrationTestSupport {

	private static final Dimension PHONE = new Dimension(375, 740);

	/** Finds form controls a person can use that have neither a label nor an aria-label. */
	private static final String UNLABELLED_CONTROLS = """
			return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
				.filter(c => c.labels.length === 0 && !c.getAttribute('aria-label'))
				.map(c => c.outerHTML);""";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void pagesWhenViewedOnAPhoneThenNothingOverflowsEveryControlIsLabelledAndTheConsoleStaysClean() {
		String user = createUser("browser-pages");
		String id = createToken(user).get("id").asString();
		assertThat(this.http.post("/rest/api/1.0/projects")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"key\":\"PHONE\",\"name\":\"Phone-sized project\"}")
			.send()
			.status()).isEqualTo(201);
		ChromeDriver driver = browser.driver();
		driver.manage().window().setSize(PHONE);
		driver.get(url("/login"));
		checkPage("/login");
		login(ADMIN, ADMIN_PASSWORD);
		for (String path : List.of("/tokens", "/projects", "/projects/PHONE/tokens", "/admin/users",
				"/admin/users/" + user, "/admin/tokens", "/admin/tokens?status=expiring&expiringDays=30",
				"/admin/policy", "/admin/audit", "/tokens/000000000000/renew")) {
			driver.get(url(path));
			checkPage(path);
		}
		login(user, passwordOf(user));
		for (String action : List.of("renew", "rotate", "revoke", "secret")) {
			driver.get(url("/tokens/" + id + "/" + action));
			checkPage(action);
		}
	}

	@Test
	void tokenPageWhenItHoldsTokensInEveryStateThenEachShowsItsBadge() {
		String user = createUser("jane");
		createToken(user, "{\"name\":\"old-nightly-build\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1}");
		this.clock.advance(Duration.ofDays(2));
		createToken(user, "{\"name\":\"release-pipeline\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"],"
				+ "\"expiryDays\":5}");
		String deploy = createToken(user, "{\"name\":\"deploy-bot\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_WRITE\"],"
				+ "\"expiryDays\":60}").get("token").asString();
		createToken(user, "{\"name\":\"backup-mirror\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}");
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(deploy).send().status())
			.isEqualTo(200);

		login(user, passwordOf(user));
		Map<String, String> badges = Map.of("old-nightly-build", "badge-expired", "release-pipeline", "badge-soon",
				"deploy-bot", "badge-ok", "backup-mirror", "badge-never");
		badges.forEach((name, badge) -> assertThat(row(name).findElement(By.cssSelector(".badge")).getAttribute("class"))
			.as(name)
			.contains(badge));
		assertThat(row("old-nightly-build").getText()).contains("expired 1 day ago");
		assertThat(row("release-pipeline").getText()).contains("in 5 days");
		assertThat(row("backup-mirror").getText()).contains("Never expires");
		assertThat(row("deploy-bot").getText()).contains("just now");
		browser.driver().manage().window().setSize(new Dimension(1280, 1000));
		browser.screenshot(Path.of("target", "screenshots", "token-page.png"));
	}

	private void checkPage(String page) {
		ChromeDriver driver = browser.driver();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(driver.executeScript(UNLABELLED_CONTROLS)).as("unlabelled controls on " + page)
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
		Long overflow = (Long) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow).as("horizontal overflow of " + page + " at phone width").isLessThanOrEqualTo(0L);
		String current = driver.getCurrentUrl();
		assertThat(browser.consoleErrors()).as("console errors on " + page)
			.allMatch(error -> error.startsWith(current + " - Failed to load resource"));
	}

	private void login(String user, String password) {
		ChromeDriver driver = browser.driver();
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.urlMatches("/tokens(\\?continue)?$"));
	}

	private WebElement row(String name) {
		return browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//table[@id='tokens-table']//tr[th[normalize-space()='" + name + "']]")));
	}

	private String url(String path) {
		return this.http.baseUrl() + path;
	}

}
