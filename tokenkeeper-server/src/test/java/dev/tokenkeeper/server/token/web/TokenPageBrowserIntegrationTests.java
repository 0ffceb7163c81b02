package dev.tokenkeeper.server.token.web;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.tokenkeeper.server.support.Browser;
import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token pages in a real browser against the real server: what a person does, click by
 * click, and what the REST API then says about the tokens they made.
 */
class TokenPageBrowserIntegrationTests extends IntegrationTestSupport {

	@RegisterExtension
	static final Browser browser = new Browser();

	@AfterEach
	void restorePolicy() {
		Http.Response response = this.http.put("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"requireExpiry\":false,\"maxExpiryDays\":null,\"maxTokensPerOwner\":100,"
					+ "\"renewExpiredWithinDays\":30,\"selfRotation\":true,\"maxRotationGraceMinutes\":10080}")
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	@Test
	void loginWhenUsingOnlyTheKeyboardThenTheTokenPageOpensAndLogoutEndsTheSession() {
		String user = createUser("browser-login");
		WebDriver driver = browser.driver();
		driver.get(url("/tokens"));
		browser.waiting().until(ExpectedConditions.urlContains("/login"));
		driver.findElement(By.id("username")).sendKeys(user, Keys.TAB);
		driver.switchTo().activeElement().sendKeys("wrong password", Keys.ENTER);
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(driver.findElement(By.id("login-error")).getText()).contains("do not match");

		login(user, passwordOf(user));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My access tokens");
		assertThat(driver.findElement(By.cssSelector(".empty")).getText()).contains("No tokens yet.");
		driver.findElement(By.cssSelector(".logout button")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/login?logout"));
		driver.get(url("/tokens"));
		browser.waiting().until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void createWhenSubmittedThenTheSecretIsShownOnceAndWorksOnTheRestApi() {
		String user = createUser("browser-create");
		login(user, passwordOf(user));
		String secret = create("deploy-bot", "PROJECT_READ", "REPO_WRITE", "30");
		WebDriver driver = browser.driver();
		assertThat(driver.findElement(By.cssSelector(".warning")).getText()).contains("shown only this once");
		driver.findElement(By.cssSelector("button[data-copy]")).click();
		browser.waiting().until(d -> !d.findElement(By.id("copy-status")).getText().isEmpty());

		JsonNode tokens = this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(secret).send().json();
		assertThat(tokens.get("size").asInt()).isEqualTo(1);
		assertThat(tokens.get("values").get(0).get("name").asString()).isEqualTo("deploy-bot");
		assertThat(tokens.get("values").get(0).get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_READ\"]");

		driver.navigate().refresh();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
		assertThat(driver.findElements(By.id("secret"))).isEmpty();
		assertThat(driver.getPageSource()).doesNotContain(secret);
		driver.findElement(By.linkText("Back to the tokens")).click();
		WebElement row = tokenRow("deploy-bot");
		assertThat(row.getText()).contains("in 30 days", "Project: read, repository: write").doesNotContain(secret);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void renewWhenDaysAreChosenThenTheSameSecretWorksWithTheNewExpiry() {
		String user = createUser("browser-renew");
		login(user, passwordOf(user));
		String secret = create("short-lived", "PROJECT_READ", "REPO_READ", "3");
		WebDriver driver = browser.driver();
		driver.get(url("/tokens"));
		assertThat(tokenRow("short-lived").findElement(By.cssSelector(".badge")).getAttribute("class"))
			.contains("badge-soon");
		tokenRow("short-lived").findElement(By.linkText("Renew")).click();
		WebElement days = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("expiryDays")));
		days.clear();
		days.sendKeys("45");
		driver.findElement(By.cssSelector("button[type=submit].button:not(.secondary)")).click();
		WebElement notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
		assertThat(notice.getText()).contains("now expires in 45 days");
		assertThat(tokenRow("short-lived").getText()).contains("in 45 days");
		JsonNode token = this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(secret).send().json();
		assertThat(token.get("values").get(0).get("expiryDays").asInt()).isEqualTo(45);
	}

	@Test
	void rotateWhenAGracePeriodIsChosenThenBothSecretsWorkUntilItEnds() {
		String user = createUser("browser-rotate");
		login(user, passwordOf(user));
		String old = create("rotating", "PROJECT_READ", "REPO_READ", "");
		WebDriver driver = browser.driver();
		driver.get(url("/tokens"));
		tokenRow("rotating").findElement(By.linkText("Rotate")).click();
		new Select(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("gracePeriodMinutes"))))
			.selectByVisibleText("1 hour");
		driver.findElement(By.cssSelector("form button[type=submit]:not(.secondary)")).click();
		String fresh = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")))
			.getAttribute("value");
		assertThat(fresh).startsWith("BBDC-").isNotEqualTo(old);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("The previous secret keeps working until");

		String path = "/rest/access-tokens/1.0/users/" + user;
		assertThat(this.http.get(path).bearer(fresh).send().status()).isEqualTo(200);
		assertThat(this.http.get(path).bearer(old).send().status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.http.get(path).bearer(old).send().status()).isEqualTo(401);
		assertThat(this.http.get(path).bearer(fresh).send().status()).isEqualTo(200);
	}

	@Test
	void revokeWhenConfirmedThenTheRestApiRefusesTheToken() {
		String user = createUser("browser-revoke");
		login(user, passwordOf(user));
		String secret = create("doomed", "PROJECT_READ", "REPO_READ", "10");
		WebDriver driver = browser.driver();
		driver.get(url("/tokens"));
		tokenRow("doomed").findElement(By.linkText("Revoke")).click();
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Revoke doomed?"));
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(secret).send().status()).isEqualTo(200);
		driver.findElement(By.cssSelector("button.danger")).click();
		WebElement notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
		assertThat(notice.getText()).contains("Revoked");
		assertThat(driver.findElements(By.cssSelector("tr[data-token-id]"))).isEmpty();
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(secret).send().status()).isEqualTo(401);
	}

	@Test
	void createFormWhenAnAdministratorTightensMaxExpiryDaysThenItEnforcesTheLimit() {
		WebDriver driver = browser.driver();
		login(ADMIN, ADMIN_PASSWORD);
		driver.findElement(By.linkText("Token policy")).click();
		WebElement max = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("maxExpiryDays")));
		max.clear();
		max.sendKeys("20");
		driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
		driver.findElement(By.cssSelector(".logout button")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/login?logout"));

		String user = createUser("browser-policy");
		login(user, passwordOf(user));
		WebElement days = driver.findElement(By.id("expiryDays"));
		assertThat(days.getAttribute("max")).isEqualTo("20");
		assertThat(driver.findElement(By.id("expiryDays-hint")).getText()).contains("At most 20 days");
		driver.findElement(By.id("name")).sendKeys("too-long");
		days.clear();
		days.sendKeys("21");
		driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
		assertThat((Boolean) ((ChromeDriver) driver).executeScript("return arguments[0].validity.rangeOverflow", days))
			.isTrue();
		assertThat(driver.getCurrentUrl()).endsWith("/tokens");

		((ChromeDriver) driver).executeScript("arguments[0].removeAttribute('max')", days);
		driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
		WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("expiryDays-error")));
		assertThat(error.getText()).isEqualTo("Tokens may last at most 20 days (a limit your administrator set).");
		assertThat(driver.findElement(By.id("expiryDays")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("too-long");
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).basicAuth(user, passwordOf(user)).send()
			.json().get("size").asInt()).isZero();
	}

	@Test
	void permissionChoicesWhenTheProjectPermissionRisesThenWeakerRepositoryPermissionsCannotBeChosen() {
		String user = createUser("browser-pairs");
		login(user, passwordOf(user));
		WebDriver driver = browser.driver();
		new Select(driver.findElement(By.id("projectPermission"))).selectByValue("PROJECT_WRITE");
		Select repository = new Select(driver.findElement(By.id("repositoryPermission")));
		assertThat(repository.getFirstSelectedOption().getAttribute("value")).isEqualTo("REPO_WRITE");
		assertThat(driver.findElement(By.cssSelector("#repositoryPermission option[value=REPO_READ]")).isEnabled())
			.isFalse();
		new Select(driver.findElement(By.id("projectPermission"))).selectByValue("PROJECT_ADMIN");
		assertThat(repository.getFirstSelectedOption().getAttribute("value")).isEqualTo("REPO_ADMIN");
		new Select(driver.findElement(By.id("projectPermission"))).selectByValue("PROJECT_READ");
		assertThat(driver.findElement(By.cssSelector("#repositoryPermission option[value=REPO_READ]")).isEnabled())
			.isTrue();
	}

	/** Logs in through the login form and waits for the token page. */
	private void login(String user, String password) {
		WebDriver driver = browser.driver();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.urlMatches("/tokens(\\?continue)?$"));
	}

	/** Fills in and submits the create form on the current token page; returns the secret it then shows. */
	private String create(String name, String projectPermission, String repositoryPermission, String days) {
		WebDriver driver = browser.driver();
		driver.findElement(By.id("name")).sendKeys(name);
		new Select(driver.findElement(By.id("projectPermission"))).selectByValue(projectPermission);
		new Select(driver.findElement(By.id("repositoryPermission"))).selectByValue(repositoryPermission);
		WebElement expiry = driver.findElement(By.id("expiryDays"));
		expiry.clear();
		expiry.sendKeys(days);
		driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
		return browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")))
			.getAttribute("value");
	}

	private WebElement tokenRow(String name) {
		return browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//table[@id='tokens-table']//tr[th[normalize-space()='" + name + "']]")));
	}

	private String url(String path) {
		return this.http.baseUrl() + path;
	}


}
