package dev.tokenkeeper.server.support.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.DatabaseSnapshot;
import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.RawHttp;
import dev.tokenkeeper.server.support.RawHttp.Answer;
import dev.tokenkeeper.server.support.web.HostileRequests.Hostile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of malformed requests over every endpoint, sent over raw sockets to the real
 * server. Every one must get a 4xx with Bitbucket's errors JSON (never a 5xx, an HTML page or a
 * stack trace), the server must keep working, and the database must be exactly as before.
 * Credentials are valid throughout (a handful of conflicting ones aside), so each request reaches
 * the code it aims at and no brute-force throttle is involved.
 */
class HostileInputIntegrationTests extends IntegrationTestSupport {

	private static final long SEED = 0x7E57_5EEDL;

	/**
	 * Written in the background, by design, whatever the corpus does: when tokens were last used
	 * (a table of its own), and the delivery state of webhook events that other tests' changes
	 * queued.
	 */
	private static final Set<String> BACKGROUND_TABLES = Set.of("token_use");

	private static final Map<String, Set<String>> BACKGROUND_COLUMNS = Map.of("webhook_delivery",
			Set.of("status", "attempts", "next_attempt", "last_response_code", "last_error", "updated_date"));

	private static final List<String> STACK_TRACE_MARKS = List.of("at dev.tokenkeeper", "at org.", "at java.",
			"Exception:", "<html", "Tomcat", "Caused by");

	@Autowired
	private DataSource dataSource;

	@LocalServerPort
	private int port;

	private HostileRequests.Target target;

	@BeforeEach
	void createTargets() {
		String user = createUser("hostile");
		JsonNode token = createToken(user);
		String key = "HOSTILE" + this.port + user.substring(user.lastIndexOf('-') + 1);
		String admin = Http.basic(ADMIN, ADMIN_PASSWORD);
		expect(this.http.post("/rest/api/1.0/projects").auth(admin).json("{\"key\":\"" + key + "\",\"name\":\"" + key
				+ "\"}").send(), 201);
		expect(this.http.post("/rest/api/1.0/projects/" + key + "/repos").auth(admin).json("{\"name\":\"hostile-repo\"}")
			.send(), 201);
		String tokenBody = "{\"name\":\"service\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}";
		String projectTokenId = expect(this.http.put("/rest/access-tokens/1.0/projects/" + key).auth(admin)
			.json(tokenBody)
			.send(), 200).json().get("id").asString();
		String repoTokenId = expect(this.http.put("/rest/access-tokens/1.0/projects/" + key + "/repos/hostile-repo")
			.auth(admin)
			.json(tokenBody)
			.send(), 200).json().get("id").asString();
		String group = "hostile-group-" + key.toLowerCase();
		expect(this.http.post("/rest/api/1.0/admin/groups?name=" + group).auth(admin).send(), 200);
		expect(this.http.post("/rest/api/1.0/admin/groups/add-user").auth(admin)
			.json("{\"user\":\"" + user + "\",\"groups\":[\"" + group + "\"]}")
			.send(), 200);
		long webhookId = expect(this.http.post("/rest/tokenkeeper/1.0/webhooks").auth(admin)
			.json("{\"url\":\"http://127.0.0.1:9/hostile\",\"secret\":\"0123456789abcdef\","
					+ "\"events\":[\"token.created\"],\"active\":false}")
			.send(), 201).json().get("id").asLong();
		this.target = new HostileRequests.Target(this.port, user, Http.basic(user, passwordOf(user)), admin,
				Http.bearer(token.get("token").asString()), token.get("id").asString(), key, "hostile-repo",
				projectTokenId, repoTokenId, group, webhookId);
	}

	@Test
	void sendWhenTheRequestIsMalformedThenEveryAnswerIs4xxErrorsJsonAndNothingChanges() {
		List<Hostile> corpus = new HostileRequests(this.target, SEED).build();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
		RawHttp raw = new RawHttp(this.port);
		Map<String, List<String>> before = DatabaseSnapshot.take(this.dataSource, BACKGROUND_TABLES, BACKGROUND_COLUMNS);

		List<String> failures = new ArrayList<>();
		Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
		long started = System.nanoTime();
		for (Hostile hostile : corpus) {
			Answer answer = raw.send(hostile.bytes());
			String problem = problemWith(answer);
			if (problem != null) {
				failures.add("[" + hostile.category() + "] " + hostile.label() + "\n    -> " + problem);
			}
			statuses.computeIfAbsent(hostile.category(), category -> new TreeMap<>())
				.merge(answer == null ? 0 : answer.status(), 1, Integer::sum);
		}
		System.out.printf("Hostile corpus: %d requests in %d ms; statuses by category: %s%n", corpus.size(),
				(System.nanoTime() - started) / 1_000_000, statuses);

		assertThat(failures).as("%d of %d hostile requests were not refused properly:%n%s", failures.size(),
				corpus.size(), String.join("\n", failures)).isEmpty();
		assertThat(DatabaseSnapshot.take(this.dataSource, BACKGROUND_TABLES, BACKGROUND_COLUMNS)).isEqualTo(before);
		assertServerStillWorks();
	}

	/**
	 * An unsupported protocol version, transfer coding or method is answered with the 5xx that
	 * HTTP itself prescribes (505, 501) by Tomcat, before the application: not a server failure,
	 * but it must still be Bitbucket's errors JSON without a stack trace.
	 */
	@Test
	void sendWhenTheProtocolFeatureIsUnsupportedThenTomcatAnswers5xxWithErrorsJson() {
		RawHttp raw = new RawHttp(this.port);
		String path = "/rest/access-tokens/1.0/users/" + this.target.user();
		String auth = "Authorization: " + this.target.userAuth();
		Map<byte[], Integer> requests = Map.of(
				RawHttp.request("GET " + path + " HTTP/9.9", List.of("Host: 127.0.0.1", auth, "Connection: close"),
						null),
				505,
				RawHttp.request("PUT " + path + " HTTP/1.1", List.of("Host: 127.0.0.1", auth,
						"Content-Type: application/json", "Transfer-Encoding: gzip", "Connection: close"), null),
				501, RawHttp.request("CONNECT 127.0.0.1:" + this.port + " HTTP/1.1",
						List.of("Host: 127.0.0.1", auth, "Connection: close"), null),
				501);
		requests.forEach((request, status) -> {
			Answer answer = raw.send(request);
			assertThat(answer).isNotNull();
			assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
			assertThat(errorsProblem(answer)).as(answer.toString()).isNull();
		});
	}

	@Test
	void createWhenANameHoldsInvisibleOrBidiCharactersThen400AndNothingChanges() {
		Map<String, List<String>> before = DatabaseSnapshot.take(this.dataSource, BACKGROUND_TABLES, BACKGROUND_COLUMNS);
		String admin = this.target.adminAuth();
		List<String> failures = new ArrayList<>();
		for (String trick : List.of("evil\u202Etxt.exe", "zero\u200Bwidth", "iso\u2066late", "b\uFEFFom",
				"ara\u061Cbic")) {
			String json = "\"" + trick + "\"";
			List<Http.Request> requests = List.of(
					this.http.put("/rest/access-tokens/1.0/users/" + this.target.user())
						.auth(this.target.userAuth())
						.json("{\"name\":" + json + ",\"permissions\":[\"REPO_READ\"]}"),
					this.http.post("/rest/access-tokens/1.0/users/" + this.target.user() + "/" + this.target.tokenId())
						.auth(this.target.userAuth())
						.json("{\"name\":" + json + "}"),
					this.http.put("/rest/access-tokens/1.0/projects/" + this.target.projectKey())
						.auth(admin)
						.json("{\"name\":" + json + ",\"permissions\":[\"REPO_READ\"]}"),
					this.http.put("/rest/api/1.0/projects/" + this.target.projectKey()).auth(admin)
						.json("{\"name\":" + json + "}"),
					this.http.put("/rest/api/1.0/admin/users").auth(admin)
						.json("{\"name\":\"" + this.target.user() + "\",\"displayName\":" + json + "}"),
					this.http.post("/rest/api/1.0/admin/users?name=" + encode(trick)
							+ "&password=pw-Secret-1&displayName=D&emailAddress=d@example.com").auth(admin),
					this.http.post("/rest/api/1.0/admin/groups?name=" + encode(trick)).auth(admin));
			for (Http.Request request : requests) {
				Http.Response response = request.send();
				if (response.status() != 400) {
					failures.add(trick.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList() + " -> "
							+ response);
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(DatabaseSnapshot.take(this.dataSource, BACKGROUND_TABLES, BACKGROUND_COLUMNS)).isEqualTo(before);
	}

	@Test
	void createOrUpdateWhenWebhookEventsHoldNullThen400() {
		String body = "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\",\"events\":[null],"
				+ "\"active\":false}";
		assertErrors(this.http.post("/rest/tokenkeeper/1.0/webhooks").auth(this.target.adminAuth()).json(body).send(),
				400, "events");
		assertErrors(this.http.put("/rest/tokenkeeper/1.0/webhooks/" + this.target.webhookId())
			.auth(this.target.adminAuth())
			.json(body)
			.send(), 400, "events");
	}

	private void assertServerStillWorks() {
		String tokens = "/rest/access-tokens/1.0/users/" + this.target.user();
		Http.Response list = this.http.get(tokens).auth(this.target.userAuth()).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.json().get("size").asInt()).isEqualTo(1);
		assertThat(this.http.get(tokens).auth(this.target.bearerAuth()).send().status()).isEqualTo(200);
		assertThat(this.http.put(tokens)
			.auth(this.target.userAuth())
			.json("{\"name\":\"after the storm\",\"permissions\":[\"REPO_READ\"]}")
			.send()
			.status()).isEqualTo(200);
	}

	/** Why the answer is not a proper refusal, or {@code null} when it is. */
	private static String problemWith(Answer answer) {
		if (answer == null) {
			return "no answer: the connection was closed without a response";
		}
		if (answer.status() < 400 || answer.status() > 499) {
			return "status " + answer;
		}
		return errorsProblem(answer);
	}

	private static String errorsProblem(Answer answer) {
		String contentType = answer.header("Content-Type");
		if (contentType == null || !contentType.startsWith("application/json")) {
			return "not JSON: " + answer;
		}
		for (String mark : STACK_TRACE_MARKS) {
			if (answer.body().contains(mark)) {
				return "leaks internals (" + mark + "): " + answer;
			}
		}
		if (!"nosniff".equals(answer.header("X-Content-Type-Options")) || answer.header("X-Frame-Options") == null) {
			return "security headers missing: " + answer;
		}
		JsonNode errors;
		try {
			errors = Http.parse(answer.body()).get("errors");
		}
		catch (RuntimeException ex) {
			return "unparseable body: " + answer;
		}
		if (errors == null || !errors.isArray() || errors.isEmpty()) {
			return "no errors array: " + answer;
		}
		for (JsonNode error : errors) {
			if (!List.copyOf(error.propertyNames()).equals(List.of("context", "message", "exceptionName"))
					|| error.get("message").asString().isBlank()) {
				return "malformed error: " + answer;
			}
		}
		return null;
	}

	private static Http.Response expect(Http.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
