package dev.tokenkeeper.server.support.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.tokenkeeper.server.support.RawHttp;

/**
 * Builds the hostile-input corpus from a catalogue of the API's endpoints: every request here is
 * wrong in exactly one way that the server must refuse (4xx), while its credentials are valid, so
 * that it reaches the code it aims at. The corpus is generated, with a fixed seed: a new endpoint
 * added to the catalogue gets every kind of malformation at once.
 */
final class HostileRequests {

	private static final int MAX_BODY = 64 * 1024;

	/**
	 * Values left out of the corpus for a field because they show a known server bug, each with
	 * a disabled test of its own. Empty: add an entry only with its failing test.
	 */
	private static final Map<String, List<String>> KNOWN_SERVER_BUGS = Map.of();

	private final Target target;

	private final Random random;

	private final List<Hostile> corpus = new ArrayList<>();

	HostileRequests(Target target, long seed) {
		this.target = target;
		this.random = new Random(seed);
	}

	/** What the corpus aims at: names and credentials that exist on the server under test. */
	record Target(int port, String user, String userAuth, String adminAuth, String bearerAuth, String tokenId,
			String projectKey, String repoSlug, String projectTokenId, String repoTokenId, String group,
			long webhookId) {
	}

	/** One request, raw, with its category and a readable label for failure reports. */
	record Hostile(String category, String label, byte[] bytes) {
	}

	/** A JSON field of an endpoint's body: its name, a valid value and the values of its kind. */
	record Field(String name, Kind kind, String valid, List<String> invalidValues) {

		static Field of(String name, Kind kind, String valid, String... invalidValues) {
			return new Field(name, kind, valid, List.of(invalidValues));
		}

	}

	enum Kind {

		TEXT, NUMBER, LIST, BOOLEAN

	}

	record BodyEndpoint(String method, String path, String auth, List<Field> fields) {

		String validBody() {
			return json(this.fields, null, null);
		}

		String bodyWith(Field field, String value) {
			return json(this.fields, field, value);
		}

		private static String json(List<Field> fields, Field replaced, String value) {
			StringBuilder json = new StringBuilder("{");
			for (Field field : fields) {
				json.append(json.length() > 1 ? "," : "").append('"').append(field.name()).append("\":");
				json.append(field == replaced ? value : field.valid());
			}
			return json.append('}').toString();
		}

	}

	List<Hostile> build() {
		for (BodyEndpoint endpoint : bodyEndpoints()) {
			malformedBodies(endpoint);
			wrongFieldValues(endpoint);
			wrongContentTypes(endpoint);
		}
		badPaging();
		badQueryParameters();
		pathTraversal();
		wrongMethods();
		badHeaders();
		badProtocol();
		conflictingCredentials();
		return this.corpus;
	}

	// ---- the catalogue

	private List<BodyEndpoint> bodyEndpoints() {
		Target t = this.target;
		String tokens = "/rest/access-tokens/1.0";
		List<BodyEndpoint> endpoints = new ArrayList<>();
		Map<String, String> owners = new LinkedHashMap<>();
		owners.put(tokens + "/users/" + t.user() + "|" + t.tokenId(), t.userAuth());
		owners.put(tokens + "/projects/" + t.projectKey() + "|" + t.projectTokenId(), t.adminAuth());
		owners.put(tokens + "/projects/" + t.projectKey() + "/repos/" + t.repoSlug() + "|" + t.repoTokenId(),
				t.adminAuth());
		owners.forEach((ownerAndId, auth) -> {
			String owner = ownerAndId.substring(0, ownerAndId.indexOf('|'));
			String id = ownerAndId.substring(ownerAndId.indexOf('|') + 1);
			endpoints.add(new BodyEndpoint("PUT", owner, auth, List.of(tokenName(), permissions(), expiryDays())));
			endpoints.add(new BodyEndpoint("POST", owner + "/" + id, auth, List.of(tokenName(), permissions())));
			endpoints.add(new BodyEndpoint("POST", owner + "/" + id + "/renew", auth, List.of(expiryDays())));
			endpoints.add(new BodyEndpoint("POST", owner + "/" + id + "/rotate", auth,
					List.of(expiryDays(), gracePeriod())));
		});
		endpoints.add(new BodyEndpoint("POST", "/rest/access-tokens/latest/self/rotate", t.bearerAuth(),
				List.of(gracePeriod())));
		endpoints.add(new BodyEndpoint("PUT", "/rest/access-tokens/latest/admin/settings", t.adminAuth(),
				List.of(Field.of("maxTokensPerOwner", Kind.NUMBER, "100", "0", "-1", "100001", "2147483647"),
						Field.of("requireExpiry", Kind.BOOLEAN, "false"))));
		String api = "/rest/api/1.0";
		endpoints.add(new BodyEndpoint("POST", api + "/projects", t.adminAuth(),
				List.of(Field.of("key", Kind.TEXT, "\"HOSTILENEW\"", "\"1ABC\"", "\"A-B\""),
						Field.of("name", Kind.TEXT, "\"Hostile new\""), Field.of("description", Kind.TEXT, "\"d\""),
						Field.of("public", Kind.BOOLEAN, "false"))));
		endpoints.add(new BodyEndpoint("PUT", api + "/projects/" + t.projectKey(), t.adminAuth(),
				List.of(Field.of("name", Kind.TEXT, "\"Renamed\""), Field.of("description", Kind.TEXT, "\"d\""))));
		endpoints.add(new BodyEndpoint("POST", api + "/projects/" + t.projectKey() + "/repos", t.adminAuth(),
				List.of(Field.of("name", Kind.TEXT, "\"new-repo\"", "\"-lead\"", "\"a/b\""),
						Field.of("public", Kind.BOOLEAN, "false"))));
		endpoints.add(new BodyEndpoint("PUT", api + "/admin/users", t.adminAuth(),
				List.of(Field.of("name", Kind.TEXT, quoted(t.user())), Field.of("displayName", Kind.TEXT, "\"Renamed\""),
						Field.of("email", Kind.TEXT, "\"renamed@example.com\"", "\"no-at-sign\"", "\"a b@c\""))));
		endpoints.add(new BodyEndpoint("PUT", api + "/admin/users/credentials", t.adminAuth(),
				List.of(Field.of("name", Kind.TEXT, quoted(t.user())),
						Field.of("password", Kind.TEXT, "\"new-Secret-pw-1\""),
						Field.of("passwordConfirm", Kind.TEXT, "\"new-Secret-pw-1\""))));
		endpoints.add(new BodyEndpoint("PUT", api + "/users/credentials", t.userAuth(),
				List.of(Field.of("oldPassword", Kind.TEXT, quoted(passwordFromBasic(t.userAuth()))),
						Field.of("password", Kind.TEXT, "\"new-Secret-pw-1\""),
						Field.of("passwordConfirm", Kind.TEXT, "\"new-Secret-pw-1\""))));
		String webhooks = "/rest/tokenkeeper/1.0/webhooks";
		for (String webhook : List.of(webhooks, webhooks + "/" + t.webhookId())) {
			endpoints.add(new BodyEndpoint(webhook.equals(webhooks) ? "POST" : "PUT", webhook, t.adminAuth(),
					List.of(Field.of("url", Kind.TEXT, "\"http://127.0.0.1:9/hook\"", "\"ftp://127.0.0.1/x\"",
							"\"not a url\"", "\"javascript:alert(1)\"", "\"http://\""),
							Field.of("secret", Kind.TEXT, "\"0123456789abcdef\"", "\"short\""),
							Field.of("events", Kind.LIST, "[\"token.created\"]", "[\"TOKEN.CREATED\"]",
									"[\"token.created \"]", "[]"),
							Field.of("active", Kind.BOOLEAN, "false"))));
		}
		for (String membership : List.of("/admin/groups/add-user", "/admin/users/add-groups",
				"/admin/groups/remove-user")) {
			endpoints.add(new BodyEndpoint("POST", api + membership, t.adminAuth(),
					List.of(Field.of("user", Kind.TEXT, quoted(t.user())),
							Field.of("groups", Kind.LIST, "[" + quoted(t.group()) + "]", "[\"no-such-group\"]"))));
		}
		return endpoints;
	}

	private static Field tokenName() {
		return Field.of("name", Kind.TEXT, "\"hostile\"", "\"\"", "\"   \"");
	}

	private static Field permissions() {
		return Field.of("permissions", Kind.LIST, "[\"REPO_READ\",\"PROJECT_READ\"]", "[]", "[\"ADMIN\"]",
				"[\"SYS_ADMIN\"]", "[\"REPO_READ\",\"REPO_WRITE\"]", "[\"repo_read\"]", "[\"REPO_READ\",\"PROJECT_ADMIN\"]",
				"[\"REPO_READ \"]", "[\"\"]");
	}

	private static Field expiryDays() {
		return Field.of("expiryDays", Kind.NUMBER, "30", "0", "-1", "-2147483648");
	}

	private static Field gracePeriod() {
		return Field.of("gracePeriodMinutes", Kind.NUMBER, "5", "-1", "-2147483648", "10081", "2147483647");
	}

	// ---- bodies

	private void malformedBodies(BodyEndpoint endpoint) {
		String valid = endpoint.validBody();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			bodies.add(valid.substring(0, 1 + this.random.nextInt(valid.length() - 1)));
		}
		bodies.addAll(List.of(valid + " x", valid + valid, valid + "]", valid + "}", "not json", "{'a':'b'}",
				"{a:1}", "/* comment */" + valid, "{\"a\":1,}", "{,}", "[", "]", "\"a string\"", "123", "true", "[]",
				"[{}]", "{\"" + endpoint.fields().get(0).name() + "\":" + endpoint.fields().get(0).valid() + ","
						+ valid.substring(1),
				"[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(6_000) + "1" + "}".repeat(6_000),
				"{\"" + endpoint.fields().get(0).name() + "\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
		for (String body : sample(bodies, 12)) {
			add("body syntax", endpoint, "application/json", utf8(body));
		}
		for (byte[] invalid : sample(invalidUtf8(), 4)) {
			add("body invalid UTF-8", endpoint, "application/json", concat(utf8("{\"x"), invalid,
					utf8("\":1," + valid.substring(1))));
		}
	}

	private void wrongFieldValues(BodyEndpoint endpoint) {
		for (Field field : endpoint.fields()) {
			List<String> values = new ArrayList<>(field.invalidValues());
			values.addAll(switch (field.kind()) {
				case TEXT -> List.of("5", "true", "{}", "[]", "[\"a\"]", "1.5", "\"a\\u0000b\"", "\"\\u0007bell\"",
						"\"\\u001b[31mred\"", "\"a\\u0085b\"", "\"a\tb\"", "\"a\nb\"", "\"\\ud800\"", "\"a\\udc00b\"",
						"\"\\ud800\\ud800\"", "\"x\\ud83d\"", "\"\\udfff\\ud800\"", hugeString(MAX_BODY - 4096),
						hugeString(MAX_BODY + 4096));
				case NUMBER -> List.of("\"30\"", "1.5", "1.0", "true", "{}", "[]", "[30]", "1e400", "99999999999",
						"-99999999999", "NaN", "0x1E", "+5", "01", "- 1", "Infinity");
				case LIST -> List.of("\"REPO_READ\"", "5", "{}", "true", "[1]", "[null]", "[[\"REPO_READ\"]]",
						"[{\"a\":1}]", "[\"\\ud800\"]", "[\"a\\u0000\"]", hugeArray(MAX_BODY - 4096),
						hugeArray(MAX_BODY + 4096));
				case BOOLEAN -> List.of("\"true\"", "1", "0", "\"yes\"", "{}", "[]", "tru", "[true]");
			});
			values.removeAll(KNOWN_SERVER_BUGS.getOrDefault(field.name(), List.of()));
			for (String value : sample(values, 9)) {
				add("field " + field.kind().name().toLowerCase(), endpoint, "application/json",
						utf8(endpoint.bodyWith(field, value)));
			}
		}
	}

	private void wrongContentTypes(BodyEndpoint endpoint) {
		byte[] valid = utf8(endpoint.validBody());
		for (String type : sample(List.of("text/plain", "application/xml", "text/html",
				"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream",
				"image/png", "application/json; charset=bogus", "nonsense", "application/json;charset=UTF-16"), 4)) {
			add("content type", endpoint, type, valid);
		}
		add("content type", endpoint, null, valid);
	}

	private static String hugeString(int bodySize) {
		return "\"" + "x".repeat(bodySize) + "\"";
	}

	/** Alternating repository permissions: never a valid set, however long. */
	private static String hugeArray(int bodySize) {
		StringBuilder array = new StringBuilder("[");
		while (array.length() < bodySize) {
			array.append(array.length() > 1 ? "," : "").append("\"REPO_READ\",\"REPO_WRITE\"");
		}
		return array.append(']').toString();
	}

	private static List<byte[]> invalidUtf8() {
		return List.of(bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF),
				bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xE2, 0x82), bytes(0x80),
				bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xC1, 0xBF));
	}

	// ---- query strings

	private void badPaging() {
		Target t = this.target;
		String tokens = "/rest/access-tokens/1.0";
		String api = "/rest/api/1.0";
		String project = api + "/projects/" + t.projectKey();
		Map<String, String> lists = new LinkedHashMap<>();
		lists.put(tokens + "/users/" + t.user(), t.userAuth());
		lists.put(tokens + "/projects/" + t.projectKey(), t.adminAuth());
		lists.put(tokens + "/projects/" + t.projectKey() + "/repos/" + t.repoSlug(), t.adminAuth());
		lists.put(api + "/users", t.userAuth());
		lists.put(api + "/admin/users", t.adminAuth());
		lists.put(api + "/admin/permissions/users", t.adminAuth());
		lists.put(api + "/admin/groups", t.adminAuth());
		lists.put(api + "/projects", t.adminAuth());
		lists.put(project + "/repos", t.adminAuth());
		lists.put(project + "/permissions/users", t.adminAuth());
		lists.put(project + "/permissions/groups", t.adminAuth());
		lists.put(project + "/repos/" + t.repoSlug() + "/permissions/users", t.adminAuth());
		lists.put("/rest/tokenkeeper/1.0/audit", t.adminAuth());
		lists.put("/rest/tokenkeeper/1.0/tokens/expiring", t.userAuth());
		lists.put("/rest/tokenkeeper/1.0/webhooks", t.adminAuth());
		lists.put("/rest/tokenkeeper/1.0/webhooks/" + t.webhookId() + "/deliveries", t.adminAuth());
		List<String> values = List.of("-1", "-2147483648", "2147483648", "99999999999999999999", "abc", "1.5", "1e3",
				"0x10", "%20", "5%205", "NaN", "%00", "%zz", "%ED%A0%80", "%E2%80%AE1");
		lists.forEach((path, auth) -> {
			for (String value : sample(values, 8)) {
				String parameter = this.random.nextBoolean() ? "start" : "limit";
				add("paging", "GET", path + "?" + parameter + "=" + value, auth, null, null);
			}
			add("paging", "GET", path + "?limit=0", auth, null, null);
		});
	}

	private void badQueryParameters() {
		Target t = this.target;
		String api = "/rest/api/1.0";
		String fresh = "hostile-new-" + t.port();
		String valid = "name=" + fresh + "&password=pw-Secret-1&displayName=New&emailAddress=new@example.com";
		for (String[] swap : new String[][] { { "name=" + fresh, "name=" }, { "name=" + fresh, "name=%20" },
				{ "name=" + fresh, "name=a%00b" }, { "name=" + fresh, "name=a%2Fb" }, { "name=" + fresh, "name=a:b" },
				{ "name=" + fresh, "name=a%5Cb" }, { "name=" + fresh, "name=%20lead" },
				{ "name=" + fresh, "name=" + "n".repeat(300) }, { "name=" + fresh, "name=a%ED%A0%80" },
				{ "name=" + fresh, "name=a%C0%AFb" }, { "name=" + fresh, "name=%zz" },
				{ "name=" + fresh, "name=" + t.user() }, { "name=" + fresh, "name=a%0D%0Ab" },
				{ "&password=pw-Secret-1", "" }, { "password=pw-Secret-1", "password=" + "p".repeat(100) },
				{ "password=pw-Secret-1", "password=%zz" }, { "password=pw-Secret-1", "password=" },
				{ "emailAddress=new@example.com", "emailAddress=nope" },
				{ "emailAddress=new@example.com", "emailAddress=a%20b@c" },
				{ "&displayName=New", "" }, { "displayName=New", "displayName=" + "d".repeat(300) },
				{ "displayName=New", "displayName=a%01b" } }) {
			add("query admin users", "POST", api + "/admin/users?" + valid.replace(swap[0], swap[1]), t.adminAuth(),
					null, null);
		}
		for (String query : List.of("", "name=", "name=no-such-user", "name=" + ADMIN_NAME, "name=%zz",
				"name=%2e%2e", "name=" + t.user() + "%00")) {
			add("query admin users", "DELETE", api + "/admin/users" + (query.isEmpty() ? "" : "?" + query),
					t.adminAuth(), null, null);
		}
		for (String query : List.of("name=" + t.user() + "&permission=BOGUS", "name=" + t.user() + "&permission=",
				"name=" + t.user(), "name=" + t.user() + "&permission=admin", "name=" + t.user() + "&permission=ADMIN%00",
				"name=no-such-user&permission=ADMIN", "permission=ADMIN", "name=" + ADMIN_NAME + "&permission=ADMIN",
				"name=" + t.user() + "&permission=%zz")) {
			add("query global permissions", "PUT", api + "/admin/permissions/users?" + query, t.adminAuth(), null,
					null);
		}
		add("query global permissions", "DELETE", api + "/admin/permissions/users", t.adminAuth(), null, null);
		add("query global permissions", "DELETE", api + "/admin/permissions/users?name=no-such-user", t.adminAuth(),
				null, null);
		for (String name : List.of("", "%20", "a%00b", "g".repeat(300), "%zz", "a%ED%A0%80", "a%07b", t.group())) {
			add("query groups", "POST", api + "/admin/groups?name=" + name, t.adminAuth(), null, null);
		}
		add("query groups", "DELETE", api + "/admin/groups?name=no-such-group", t.adminAuth(), null, null);
		add("query groups", "DELETE", api + "/admin/groups", t.adminAuth(), null, null);
		String project = api + "/projects/" + t.projectKey();
		for (String grants : List.of(project + "/permissions", project + "/repos/" + t.repoSlug() + "/permissions")) {
			for (String query : List.of("users?name=" + t.user() + "&permission=BOGUS",
					"users?name=" + t.user() + "&permission=ADMIN", "users?name=" + t.user(),
					"users?name=no-such-user&permission=PROJECT_READ", "users?permission=PROJECT_READ",
					"users?name=" + t.user() + "&permission=%zz", "groups?name=no-such-group&permission=PROJECT_READ",
					"groups?name=" + t.group() + "&permission=SYS_ADMIN", "groups?permission=PROJECT_READ")) {
				add("query grants", "PUT", grants + "/" + query, t.adminAuth(), null, null);
			}
			add("query grants", "DELETE", grants + "/users", t.adminAuth(), null, null);
			add("query grants", "DELETE", grants + "/groups?name=no-such-group", t.adminAuth(), null, null);
		}
		String authorize = "/rest/tokenkeeper/1.0/authorize";
		for (String query : List.of("", "permission=PROJECT_READ", "project=" + t.projectKey(),
				"project=" + t.projectKey() + "&permission=BOGUS", "project=" + t.projectKey() + "&permission=REPO_READ",
				"project=" + t.projectKey() + "&repository=" + t.repoSlug() + "&permission=PROJECT_READ",
				"project=%20&permission=PROJECT_READ", "project=" + t.projectKey() + "&permission=%zz",
				"project=NOSUCHPROJECT&permission=PROJECT_READ",
				"project=" + t.projectKey() + "&repository=no-such-repo&permission=REPO_READ",
				"project=" + t.projectKey() + "&permission=ADMIN", "project=a%00b&permission=PROJECT_READ")) {
			add("query authorize", "GET", authorize + (query.isEmpty() ? "" : "?" + query), t.bearerAuth(), null, null);
		}
		for (String query : List.of("type=BOGUS", "type=token_created", "since=yesterday", "since=1e3",
				"since=99999999999999999999", "until=2026-13-45T00:00:00Z", "until=%zz", "since=-5")) {
			add("query audit", "GET", "/rest/tokenkeeper/1.0/audit?" + query, t.adminAuth(), null, null);
		}
		for (String days : List.of("abc", "1.5", "%zz", "99999999999", "-1", "0", "100000", "%E2%80%AE1")) {
			add("query expiring", "GET", "/rest/tokenkeeper/1.0/tokens/expiring?withinDays=" + days, t.userAuth(), null,
					null);
		}
	}

	private static final String ADMIN_NAME = "admin";

	// ---- paths

	private void pathTraversal() {
		Target t = this.target;
		String tokens = "/rest/access-tokens/1.0";
		String api = "/rest/api/1.0";
		List<String> slots = List.of(tokens + "/users/{}", tokens + "/users/" + t.user() + "/{}",
				tokens + "/users/" + t.user() + "/{}/renew", tokens + "/projects/{}",
				tokens + "/projects/" + t.projectKey() + "/{}", tokens + "/projects/{}/repos/" + t.repoSlug(),
				tokens + "/projects/" + t.projectKey() + "/repos/{}",
				tokens + "/projects/" + t.projectKey() + "/repos/" + t.repoSlug() + "/{}", api + "/users/{}",
				api + "/projects/{}", api + "/projects/" + t.projectKey() + "/repos/{}",
				api + "/projects/{}/permissions/users", "/rest/tokenkeeper/1.0/webhooks/{}",
				"/rest/tokenkeeper/1.0/webhooks/{}/deliveries");
		List<String> segments = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e", "a%2Fb", "%2F", "..%2F..%2Fadmin",
				"%252e%252e", "a%5Cb", "%5C..%5C", "%00", "a%00b", "%zz", "%ED%A0%80", "%C0%AE%C0%AE", ";x=1", "%3B",
				"x".repeat(9_000), "000000000000", "-1", "1e11", "%EF%BC%99%EF%BC%99", "%E2%80%AE", "a%0Ab",
				"..;", "%2e%2e%3B");
		for (String slot : slots) {
			String real = realValueFor(slot);
			for (String segment : sample(segments, 12)) {
				String method = slot.endsWith("/renew") ? "POST" : (this.random.nextBoolean() ? "GET" : "DELETE");
				add("path", method, slot.replace("{}", segment), t.adminAuth(), null, null);
			}
			for (String suffix : sample(List.of("/..", "/../" + real, "%2F..", ";x", "%00", "/.", "//", "%20", "/%2e"),
					4)) {
				add("path", "DELETE", slot.replace("{}", real + suffix), t.adminAuth(), null, null);
			}
		}
	}

	private String realValueFor(String slot) {
		Target t = this.target;
		if (slot.endsWith("/users/{}") || slot.contains("/users/{}")) {
			return t.user();
		}
		if (slot.contains("/repos/" + t.repoSlug() + "/{}")) {
			return t.repoTokenId();
		}
		if (slot.contains("/repos/{}")) {
			return t.repoSlug();
		}
		if (slot.contains("/users/" + t.user() + "/{}")) {
			return t.tokenId();
		}
		if (slot.contains("/webhooks/")) {
			return Long.toString(t.webhookId());
		}
		if (slot.startsWith("/rest/access-tokens") && slot.contains("/projects/" + t.projectKey() + "/{}")) {
			return t.projectTokenId();
		}
		return t.projectKey();
	}

	// ---- methods

	private void wrongMethods() {
		Target t = this.target;
		String tokens = "/rest/access-tokens/1.0";
		String api = "/rest/api/1.0";
		String user = tokens + "/users/" + t.user();
		Map<String, List<String>> wrong = new LinkedHashMap<>();
		wrong.put(user, List.of("POST", "DELETE", "PATCH"));
		wrong.put(user + "/" + t.tokenId(), List.of("PUT", "PATCH"));
		wrong.put(user + "/" + t.tokenId() + "/renew", List.of("GET", "PUT", "DELETE", "PATCH"));
		wrong.put(user + "/" + t.tokenId() + "/rotate", List.of("GET", "PUT", "DELETE", "PATCH"));
		wrong.put(tokens + "/projects/" + t.projectKey(), List.of("POST", "DELETE", "PATCH"));
		wrong.put(tokens + "/projects/" + t.projectKey() + "/repos/" + t.repoSlug(), List.of("POST", "DELETE"));
		wrong.put("/rest/access-tokens/latest/self", List.of("PUT", "POST", "DELETE"));
		wrong.put("/rest/access-tokens/latest/self/rotate", List.of("GET", "PUT", "DELETE"));
		wrong.put("/rest/access-tokens/latest/admin/settings", List.of("POST", "DELETE", "PATCH"));
		wrong.put(api + "/users", List.of("POST", "PUT", "DELETE"));
		wrong.put(api + "/users/" + t.user(), List.of("POST", "PUT", "DELETE"));
		wrong.put(api + "/users/credentials", List.of("POST", "DELETE"));
		wrong.put(api + "/admin/users", List.of("PATCH"));
		wrong.put(api + "/admin/users/credentials", List.of("GET", "POST", "DELETE"));
		wrong.put(api + "/admin/permissions/users", List.of("POST", "PATCH"));
		wrong.put(api + "/admin/groups", List.of("PUT", "PATCH"));
		wrong.put(api + "/admin/groups/add-user", List.of("GET", "PUT", "DELETE"));
		wrong.put(api + "/projects", List.of("PUT", "DELETE", "PATCH"));
		wrong.put(api + "/projects/" + t.projectKey(), List.of("POST", "PATCH"));
		wrong.put(api + "/projects/" + t.projectKey() + "/repos", List.of("PUT", "DELETE"));
		wrong.put(api + "/projects/" + t.projectKey() + "/repos/" + t.repoSlug(), List.of("POST", "PUT", "PATCH"));
		wrong.put(api + "/projects/" + t.projectKey() + "/permissions/users", List.of("POST", "PATCH"));
		wrong.put("/rest/tokenkeeper/1.0/authorize", List.of("POST", "PUT", "DELETE"));
		wrong.put("/rest/tokenkeeper/1.0/audit", List.of("POST", "PUT", "DELETE"));
		wrong.put("/rest/tokenkeeper/1.0/tokens/expiring", List.of("POST", "PUT", "DELETE"));
		wrong.put("/rest/tokenkeeper/1.0/webhooks", List.of("PUT", "DELETE", "PATCH"));
		wrong.put("/rest/tokenkeeper/1.0/webhooks/" + t.webhookId(), List.of("POST", "PATCH"));
		wrong.put("/rest/tokenkeeper/1.0/webhooks/" + t.webhookId() + "/test", List.of("GET", "PUT", "DELETE"));
		wrong.put("/rest/tokenkeeper/1.0/admin/backup", List.of("GET", "PUT", "DELETE", "PATCH"));
		wrong.put("/rest/tokenkeeper/1.0/version", List.of("POST", "PUT", "DELETE", "PATCH"));
		wrong.forEach((path, methods) -> {
			for (String method : methods) {
				add("method", method, path, path.contains("/self") || path.contains("/authorize") ? t.bearerAuth()
						: path.startsWith(user) || path.endsWith("/credentials") && !path.contains("/admin/")
								? t.userAuth() : t.adminAuth(),
						"application/json", utf8("{\"name\":\"x\"}"));
			}
		});
		for (String method : List.of("TRACE", "FOO", "get", "DELETE\u0001", "G ET")) {
			add("method", method, user, t.userAuth(), null, null);
		}
		add("method", "POST", "/rest/tokenkeeper/1.0/admin/backup", t.bearerAuth(), null, null);
		add("method", "POST", "/rest/tokenkeeper/1.0/admin/backup", t.userAuth(), null, null);
	}

	// ---- headers and protocol

	private void badHeaders() {
		Target t = this.target;
		String path = "/rest/access-tokens/1.0/users/" + t.user();
		List<List<String>> extras = List.of(List.of("X-Long: " + "a".repeat(9_000)),
				List.of("Authorization-Padding: " + "b".repeat(20_000)), manyHeaders(150), List.of("Bad Header: x"),
				List.of("X-Ctl: a\u0001b"), List.of("X-Nul: a\u0000b"), List.of("X-Cr: a\rb"), List.of(": no-name"),
				List.of("Host: second.example"), List.of("Content-Length: -5"),
				List.of("Content-Length: abc"), List.of("Content-Length: 5", "Content-Length: 6"));
		for (List<String> extra : extras) {
			List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1", "Authorization: " + t.userAuth()));
			headers.addAll(extra);
			headers.add("Connection: close");
			add("headers", String.join(" | ", extra), RawHttp.request("GET " + path + " HTTP/1.1", headers, null));
		}
		add("headers", "overlong Authorization", RawHttp.request("GET " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", "Authorization: Bearer " + "c".repeat(10_000), "Connection: close"), null));
		add("headers", "overlong Content-Type", RawHttp.request("PUT " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", "Authorization: " + t.userAuth(),
						"Content-Type: application/json; x=" + "d".repeat(9_000), "Content-Length: 2",
						"Connection: close"),
				utf8("{}")));
	}

	private static List<String> manyHeaders(int count) {
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			headers.add("X-Many-" + i + ": " + i);
		}
		return headers;
	}

	private void badProtocol() {
		Target t = this.target;
		String path = "/rest/access-tokens/1.0/users/" + t.user();
		String auth = "Authorization: " + t.userAuth();
		add("protocol", "garbage request line", RawHttp.request("GARBAGE", List.of(), null));
		add("protocol", "no Host", RawHttp.request("GET " + path + " HTTP/1.1", List.of(auth, "Connection: close"),
				null));
		add("protocol", "space in target", RawHttp.request("GET " + path + "/a b HTTP/1.1",
				List.of("Host: 127.0.0.1", auth, "Connection: close"), null));
		add("protocol", "raw non-ASCII in target", RawHttp.request("GET " + path + "/\u00ff HTTP/1.1",
				List.of("Host: 127.0.0.1", auth, "Connection: close"), null));
		add("protocol", "NUL in target", RawHttp.request("GET " + path + "\u0000 HTTP/1.1",
				List.of("Host: 127.0.0.1", auth, "Connection: close"), null));
		add("protocol", "lower-case version", RawHttp.request("GET " + path + " http/1.1",
				List.of("Host: 127.0.0.1", auth, "Connection: close"), null));
		add("protocol", "bad chunk size", RawHttp.request("PUT " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", auth, "Content-Type: application/json", "Transfer-Encoding: chunked",
						"Connection: close"),
				utf8("zz\r\n{}\r\n0\r\n\r\n")));
		byte[] chunk = utf8("{\"name\":\"" + "x".repeat(MAX_BODY) + "\",\"permissions\":[\"REPO_READ\"]}");
		add("protocol", "chunked body over 64 KiB", RawHttp.request("PUT " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", auth, "Content-Type: application/json", "Transfer-Encoding: chunked",
						"Connection: close"),
				concat(utf8(Integer.toHexString(chunk.length) + "\r\n"), chunk, utf8("\r\n0\r\n\r\n"))));
		add("protocol", "declared length over 64 KiB", RawHttp.request("PUT " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", auth, "Content-Type: application/json",
						"Content-Length: " + (MAX_BODY + 1), "Connection: close"),
				utf8(" ".repeat(MAX_BODY + 1))));
	}

	/** The only requests with bad credentials: few, so that no brute-force throttle can be tripped. */
	private void conflictingCredentials() {
		Target t = this.target;
		String path = "/rest/access-tokens/1.0/users/" + t.user();
		add("credentials", "two identical Authorization headers", RawHttp.request("GET " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", "Authorization: " + t.userAuth(), "Authorization: " + t.userAuth(),
						"Connection: close"),
				null));
		add("credentials", "Basic and Bearer together", RawHttp.request("GET " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", "Authorization: " + t.userAuth(), "Authorization: " + t.bearerAuth(),
						"Connection: close"),
				null));
		add("credentials", "Basic that is not base64", RawHttp.request("GET " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", "Authorization: Basic !!!not-base64\u00e9", "Connection: close"), null));
	}

	// ---- assembling requests

	/** A seeded choice of {@code count} of the values: every run sends the same corpus. */
	private <T> List<T> sample(List<T> values, int count) {
		List<T> shuffled = new ArrayList<>(values);
		java.util.Collections.shuffle(shuffled, this.random);
		return shuffled.subList(0, Math.min(count, shuffled.size()));
	}

	private void add(String category, BodyEndpoint endpoint, String contentType, byte[] body) {
		add(category, endpoint.method(), endpoint.path(), endpoint.auth(), contentType, body);
	}

	private void add(String category, String method, String target, String auth, String contentType, byte[] body) {
		List<String> headers = new ArrayList<>();
		headers.add("Host: 127.0.0.1:" + this.target.port());
		headers.add("Authorization: " + auth);
		headers.add("Accept: application/json");
		if (contentType != null) {
			headers.add("Content-Type: " + contentType);
		}
		if (body != null) {
			headers.add("Content-Length: " + body.length);
		}
		headers.add("Connection: close");
		String label = method + " " + abbreviate(target) + (contentType == null ? "" : " [" + contentType + "]")
				+ (body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.ISO_8859_1)));
		add(category, label, RawHttp.request(method + " " + target + " HTTP/1.1", headers, body));
	}

	private void add(String category, String label, byte[] bytes) {
		this.corpus.add(new Hostile(category, escape(label), bytes));
	}

	private static String abbreviate(String text) {
		return text.length() <= 160 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)..."
				+ text.substring(text.length() - 20);
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach(c -> escaped.append(c < 0x20 || c >= 0x7F ? String.format("\\x%02x", c) : (char) c));
		return escaped.toString();
	}

	private static String quoted(String value) {
		return "\"" + value + "\"";
	}

	private static String passwordFromBasic(String basic) {
		String decoded = new String(java.util.Base64.getDecoder().decode(basic.substring("Basic ".length())),
				StandardCharsets.UTF_8);
		return decoded.substring(decoded.indexOf(':') + 1);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
