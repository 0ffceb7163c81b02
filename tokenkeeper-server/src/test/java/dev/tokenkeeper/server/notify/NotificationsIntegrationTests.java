package dev.tokenkeeper.server.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry notices by email (a real SMTP server) and token events by webhook (a real HTTP
 * receiver), with a movable clock: each notice once, none twice, a renewal starts a new schedule.
 */
class NotificationsIntegrationTests extends IntegrationTestSupport {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	private ExpiryScanner scanner;

	@Autowired
	private WebhookDispatcher dispatcher;

	private WebhookReceiver receiver;

	private String webhook;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = new WebhookReceiver();
		this.webhook = "/rest/tokenkeeper/1.0/webhooks/" + this.http.post("/rest/tokenkeeper/1.0/webhooks")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"url\":\"" + this.receiver.url() + "\",\"secret\":\"a-shared-signing-secret\",\"events\":"
					+ "[\"token.created\",\"token.renewed\",\"token.rotated\",\"token.deleted\",\"token.expiring\","
					+ "\"token.expired\"]}")
			.send()
			.json()
			.get("id")
			.asString();
	}

	@AfterEach
	void stopReceiver() {
		this.http.delete(this.webhook).basicAuth(ADMIN, ADMIN_PASSWORD).send();
		this.receiver.close();
	}

	@Test
	void scanWhenEachThresholdComesThenOneEmailEachAndNeverTwice() throws Exception {
		String user = createUser("noticed");
		this.clock.setInstant(T0);
		JsonNode token = createToken(user, "{\"name\":\"deploy\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":40}");
		String id = token.get("id").asString();

		assertThat(scanAt(user, T0)).isEmpty();
		assertThat(scanAt(user, T0.plus(Duration.ofDays(10)))).singleElement().satisfies(m -> assertThat(m.getSubject())
			.isEqualTo("[Tokenkeeper] Access token \"deploy\" expires in 30 days"));
		assertThat(scanAt(user, T0.plus(Duration.ofDays(11)))).isEmpty();
		assertThat(scanAt(user, T0.plus(Duration.ofDays(33)))).singleElement().satisfies(m -> assertThat(m.getSubject())
			.endsWith("expires in 7 days"));
		assertThat(scanAt(user, T0.plus(Duration.ofDays(39)))).singleElement().satisfies(m -> assertThat(m.getSubject())
			.endsWith("expires in 1 day"));
		List<MimeMessage> expired = scanAt(user, T0.plus(Duration.ofDays(40)));
		assertThat(scanAt(user, T0.plus(Duration.ofDays(40)).plusSeconds(60))).isEmpty();

		assertThat(expired).singleElement().satisfies(m -> assertThat(m.getSubject()).endsWith("has expired"));
		String body = GreenMailUtil.getBody(expired.get(0));
		assertThat(body).contains("deploy", id, "tk tokens renew " + id,
				"curl -u " + user + " -X POST http://localhost:7990/rest/access-tokens/1.0/users/" + user + "/" + id
						+ "/renew")
			.doesNotContain(token.get("token").asString().substring(5));
		assertThat(expired.get(0).getRecipients(Message.RecipientType.TO)[0].toString())
			.isEqualTo(user + "@example.com");
		assertThat(webhookEvents(id)).contains("token.expiring", "token.expired");
	}

	@Test
	void renewWhenANoticeWasSentThenTheNewExpiryGetsItsOwnSchedule() throws Exception {
		String user = createUser("renewing");
		this.clock.setInstant(T0);
		JsonNode token = createToken(user, "{\"name\":\"ci\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":40}");
		String id = token.get("id").asString();
		Instant renewedAt = T0.plus(Duration.ofDays(33));
		assertThat(scanAt(user, renewedAt)).hasSize(1);
		assertThat(this.http.post("/rest/access-tokens/1.0/users/" + user + "/" + id + "/renew")
			.basicAuth(user, passwordOf(user))
			.json("{\"expiryDays\":40}")
			.send()
			.status()).isEqualTo(200);

		assertThat(scanAt(user, renewedAt.plus(Duration.ofDays(5)))).isEmpty();
		assertThat(scanAt(user, renewedAt.plus(Duration.ofDays(10)))).singleElement()
			.satisfies(m -> assertThat(m.getSubject()).endsWith("expires in 30 days"));
	}

	@Test
	void projectTokenWhenItsNoticeIsDueThenTheProjectAdminsAreTold() throws Exception {
		String creator = createUser("lead");
		String colleague = createUser("colead");
		assertThat(this.http.put("/rest/api/1.0/admin/permissions/users?name=" + creator + "&permission=PROJECT_CREATE")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
		String key = "N" + creator.replaceAll("[^0-9]", "");
		assertThat(this.http.post("/rest/api/1.0/projects")
			.basicAuth(creator, passwordOf(creator))
			.json("{\"key\":\"" + key + "\",\"name\":\"Notify " + key + "\"}")
			.send()
			.status()).isEqualTo(201);
		assertThat(this.http.put("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + colleague
				+ "&permission=PROJECT_ADMIN")
			.basicAuth(creator, passwordOf(creator))
			.send()
			.status()).isEqualTo(204);
		this.clock.setInstant(T0);
		String id = this.http.put("/rest/access-tokens/1.0/projects/" + key)
			.basicAuth(creator, passwordOf(creator))
			.json("{\"name\":\"build\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":5}")
			.send()
			.json()
			.get("id")
			.asString();

		List<String> admins = List.of(creator + "@example.com", colleague + "@example.com");
		List<MimeMessage> sent = scanAt(T0).stream().filter(m -> admins.contains(recipient(m))).toList();

		assertThat(sent.stream().map(NotificationsIntegrationTests::recipient)).containsExactlyInAnyOrderElementsOf(admins);
		assertThat(GreenMailUtil.getBody(sent.get(0))).contains("tk tokens renew " + id + " --project " + key,
				"/rest/access-tokens/1.0/projects/" + key + "/" + id + "/renew");
	}

	@Test
	void tokenChangesWhenHappeningThenSignedWebhookEventsWithoutSecrets() throws Exception {
		String user = createUser("hooked");
		JsonNode token = createToken(user);
		String id = token.get("id").asString();
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + id;
		this.http.post(path + "/renew").basicAuth(user, passwordOf(user)).json("{\"expiryDays\":9}").send();
		String rotated = this.http.post(path + "/rotate").basicAuth(user, passwordOf(user)).send().json().get("token").asString();
		this.http.delete(path).basicAuth(user, passwordOf(user)).send();

		List<WebhookReceiver.Received> events = awaitEvents(id, 4);

		assertThat(events).extracting(WebhookReceiver.Received::event)
			.containsExactly("token.created", "token.renewed", "token.rotated", "token.deleted");
		for (WebhookReceiver.Received event : events) {
			assertThat(event.signature()).isEqualTo(
					"sha256=" + WebhookDispatcher.sign("a-shared-signing-secret", event.timestamp(), event.body()));
			assertThat(event.body()).doesNotContain(token.get("token").asString().substring(5))
				.doesNotContain(rotated.substring(5))
				.doesNotContain(passwordOf(user));
		}
		JsonNode renewed = Http.parse(events.get(1).body());
		assertThat(renewed.get("actor").asString()).isEqualTo(user);
		assertThat(renewed.get("token").get("owner").asString()).isEqualTo("user " + user);
		assertThat(renewed.get("token").get("expiryDays").asInt()).isEqualTo(9);
	}

	@Test
	void deliveryWhenTheReceiverFailsTwiceThenRetriedWithBackoffUntilDelivered() {
		this.receiver.failNext(2);
		String user = createUser("flaky");
		String id = createToken(user).get("id").asString();
		Instant now = Instant.now();
		this.clock.setInstant(now);
		this.dispatcher.deliverDue();
		this.clock.setInstant(now.plusSeconds(11));
		this.dispatcher.deliverDue();
		this.clock.setInstant(now.plusSeconds(11 + 21));
		this.dispatcher.deliverDue();

		assertThat(this.receiver.received().stream().filter(r -> r.body().contains(id)))
			.extracting(WebhookReceiver.Received::accepted)
			.containsExactly(false, false, true);
		JsonNode delivery = deliveryFor(id);
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
	}

	@Test
	void deliveryWhenTheReceiverNeverSucceedsThenGivenUpAfterADay() {
		this.receiver.failNext(Integer.MAX_VALUE);
		String user = createUser("unreachable");
		String id = createToken(user).get("id").asString();
		Instant now = Instant.now();
		for (int hour = 0; hour <= 26; hour++) {
			this.clock.setInstant(now.plus(Duration.ofHours(hour)));
			this.dispatcher.deliverDue();
		}
		JsonNode delivery = deliveryFor(id);
		assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
		assertThat(delivery.get("responseCode").asInt()).isEqualTo(503);
		assertThat(delivery.has("nextAttempt")).isFalse();
	}

	@Test
	void webhooksWhenManagedThenAdminOnlyValidatedAndTheSecretNeverShown() {
		String user = createUser("nosy");
		assertErrors(this.http.get("/rest/tokenkeeper/1.0/webhooks").basicAuth(user, passwordOf(user)).send(), 401, null);
		Http.Response listed = this.http.get("/rest/tokenkeeper/1.0/webhooks").basicAuth(ADMIN, ADMIN_PASSWORD).send();
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain("a-shared-signing-secret");
		assertErrors(this.http.post("/rest/tokenkeeper/1.0/webhooks")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"url\":\"ftp://x\",\"secret\":\"a-shared-signing-secret\",\"events\":[\"token.created\"]}")
			.send(), 400, "url");
		assertErrors(this.http.post("/rest/tokenkeeper/1.0/webhooks")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"url\":\"http://127.0.0.1/x\",\"secret\":\"short\",\"events\":[\"token.created\"]}")
			.send(), 400, "secret");
		assertErrors(this.http.post("/rest/tokenkeeper/1.0/webhooks")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"url\":\"http://127.0.0.1/x\",\"secret\":\"a-shared-signing-secret\",\"events\":[\"token.eaten\"]}")
			.send(), 400, "events");
		assertThat(this.http.post(this.webhook + "/test").basicAuth(ADMIN, ADMIN_PASSWORD).send().status()).isEqualTo(202);
		assertThat(this.receiver.received()).extracting(WebhookReceiver.Received::event).contains("ping");
		assertErrors(this.http.get("/rest/tokenkeeper/1.0/webhooks/999999").basicAuth(ADMIN, ADMIN_PASSWORD).send(), 404,
				null);
	}

	@Test
	void expiringWhenAskedThenTheCallersTokensDueWithinTheWindowAndEveryonesForAdmins() {
		String user = createUser("upcoming");
		String other = createUser("elsewhere");
		this.clock.setInstant(T0);
		String soon = createToken(user, "{\"name\":\"soon\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":3}").get("id")
			.asString();
		createToken(user, "{\"name\":\"later\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":30}");
		String othersSoon = createToken(other, "{\"name\":\"x\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":2}")
			.get("id")
			.asString();

		JsonNode mine = this.http.get("/rest/tokenkeeper/1.0/tokens/expiring?withinDays=14")
			.basicAuth(user, passwordOf(user))
			.send()
			.json();
		JsonNode everyone = this.http.get("/rest/tokenkeeper/1.0/tokens/expiring?withinDays=14&limit=1000")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.json();

		assertThat(ids(mine)).containsExactly(soon);
		assertThat(ids(everyone)).contains(soon, othersSoon);
		assertErrors(this.http.get("/rest/tokenkeeper/1.0/tokens/expiring?withinDays=0").basicAuth(user, passwordOf(user)).send(),
				400, "withinDays");
	}

	/**
	 * The emails one scan at that instant sends to the user. The server is shared: other test
	 * classes leave tokens whose notices may fall due in the same scan.
	 */
	private List<MimeMessage> scanAt(String user, Instant instant) throws MessagingException {
		return scanAt(instant).stream().filter(message -> recipient(message).equals(user + "@example.com")).toList();
	}

	/**
	 * The emails one scan at that instant sends, told apart from earlier ones by their Message-ID:
	 * GreenMail lists received messages mailbox by mailbox, not in the order they arrived.
	 */
	private List<MimeMessage> scanAt(Instant instant) throws MessagingException {
		Set<String> before = new HashSet<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			before.add(message.getMessageID());
		}
		this.clock.setInstant(instant);
		this.scanner.scan();
		List<MimeMessage> sent = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (!before.contains(message.getMessageID())) {
				sent.add(message);
			}
		}
		return sent;
	}

	private List<String> webhookEvents(String tokenId) {
		this.dispatcher.deliverDue();
		return this.receiver.received().stream().filter(r -> r.body().contains(tokenId)).map(WebhookReceiver.Received::event).toList();
	}

	private List<WebhookReceiver.Received> awaitEvents(String tokenId, int count) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (true) {
			this.dispatcher.deliverDue();
			List<WebhookReceiver.Received> events = this.receiver.received()
				.stream()
				.filter(r -> r.body().contains(tokenId))
				.toList();
			if (events.size() >= count) {
				return events;
			}
			assertThat(Instant.now()).as("webhook events arrive").isBefore(deadline);
			Thread.onSpinWait();
		}
	}

	private JsonNode deliveryFor(String tokenId) {
		JsonNode page = this.http.get(this.webhook + "/deliveries?limit=1000").basicAuth(ADMIN, ADMIN_PASSWORD).send().json();
		for (JsonNode delivery : page.get("values")) {
			if (delivery.get("event").asString().equals("token.created")) {
				return delivery;
			}
		}
		throw new AssertionError("no delivery for token " + tokenId + " in " + page);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> ids(JsonNode page) {
		return page.get("values").valueStream().map(token -> token.get("id").asString()).toList();
	}

}
