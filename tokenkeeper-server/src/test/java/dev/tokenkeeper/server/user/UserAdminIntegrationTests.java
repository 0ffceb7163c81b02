package dev.tokenkeeper.server.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's user administration API end to end: creating, finding, deleting users, setting
 * passwords and global permissions, and what each change does to authentication at once.
 */
class UserAdminIntegrationTests extends IntegrationTestSupport {

	private static final String ADMIN_USERS = "/rest/api/1.0/admin/users";

	private static final String PERMISSIONS = "/rest/api/1.0/admin/permissions/users";

	@Test
	void createWhenAdminPostsQueryParametersThen204AndTheUserCanAuthenticate() {
		String name = unique("Created.User");
		Http.Response created = create(ADMIN, ADMIN_PASSWORD, name, "pw-1-Secret", "Created User", "cu@example.com");
		assertThat(created.status()).as(created.toString()).isEqualTo(204);
		assertThat(created.body()).isEmpty();

		Http.Response self = this.http.get("/rest/api/1.0/users/" + name).basicAuth(name, "pw-1-Secret").send();
		assertThat(self.status()).as(self.toString()).isEqualTo(200);
		JsonNode user = self.json();
		assertThat(List.copyOf(user.propertyNames())).containsExactly("name", "emailAddress", "id", "displayName",
				"active", "slug", "type", "links");
		assertThat(user.get("name").asString()).isEqualTo(name);
		assertThat(user.get("slug").asString()).isEqualTo(name.toLowerCase(Locale.ROOT));
		assertThat(user.get("displayName").asString()).isEqualTo("Created User");
		assertThat(user.get("emailAddress").asString()).isEqualTo("cu@example.com");
		assertThat(user.get("type").asString()).isEqualTo("NORMAL");
		assertThat(user.get("active").asBoolean()).isTrue();
		assertThat(status(name, "pw-1-Secret-wrong")).isEqualTo(401);
	}

	@Test
	void createWhenPasswordIsExactly72BytesThenItIsAcceptedAndWorks() {
		String name = unique("bytes72");
		String password = "é".repeat(36);
		assertThat(create(ADMIN, ADMIN_PASSWORD, name, password, "B", "b@example.com").status()).isEqualTo(204);
		assertThat(status(name, password)).isEqualTo(200);
	}

	@Test
	void createWhenNameExistsIgnoringCaseThen409AndTheExistingUserIsUnchanged() {
		String name = createUser("dup");
		assertErrors(create(ADMIN, ADMIN_PASSWORD, name, "other-pw", "Other", "o@example.com"), 409, "name");
		assertErrors(create(ADMIN, ADMIN_PASSWORD, name.toUpperCase(Locale.ROOT), "other-pw", "Other",
				"o@example.com"), 409, "name");
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		assertThat(status(name.toUpperCase(Locale.ROOT), "other-pw")).isEqualTo(401);
	}

	static Stream<Arguments> invalidUsers() {
		return Stream.of(Arguments.of(null, "pw", "D", "e@example.com", "name"),
				Arguments.of("  ", "pw", "D", "e@example.com", "name"),
				Arguments.of("colon:name", "pw", "D", "e@example.com", "name"),
				Arguments.of("slash/name", "pw", "D", "e@example.com", "name"),
				Arguments.of(" padded", "pw", "D", "e@example.com", "name"),
				Arguments.of("nopassword", null, "D", "e@example.com", "password"),
				Arguments.of("longpassword", "p".repeat(73), "D", "e@example.com", "password"),
				Arguments.of("widepassword", "é".repeat(37), "D", "e@example.com", "password"),
				Arguments.of("nodisplay", "pw", null, "e@example.com", "displayName"),
				Arguments.of("blankdisplay", "pw", " ", "e@example.com", "displayName"),
				Arguments.of("noemail", "pw", "D", null, "emailAddress"),
				Arguments.of("bademail", "pw", "D", "not-an-address", "emailAddress"),
				Arguments.of("trailingat", "pw", "D", "someone@", "emailAddress"));
	}

	@ParameterizedTest
	@MethodSource("invalidUsers")
	void createWhenAFieldIsMissingOrInvalidThen400WithThatFieldAsContextAndNoUser(String name, String password,
			String displayName, String email, String context) {
		boolean validName = !context.equals("name");
		String candidate = validName ? unique(name) : name;
		assertErrors(create(ADMIN, ADMIN_PASSWORD, candidate, password, displayName, email), 400, context);
		if (validName) {
			assertThat(lookUp(candidate).status()).isEqualTo(404);
		}
	}

	@Test
	void createWhenCallerIsNotAnAdminOrUsesATokenThen401AndNoUser() {
		String plain = createUser("plain");
		String admin = createUserWith("tokadmin", "ADMIN");
		String token = createToken(admin).get("token").asString();
		String name = unique("never");

		assertErrors(create(plain, passwordOf(plain), name, "pw", "N", "n@example.com"), 401, null);
		assertErrors(this.http.post(ADMIN_USERS + "?name=" + name + "&password=pw&displayName=N&emailAddress=n@x.org")
			.bearer(token)
			.send(), 401, null);
		assertErrors(create(admin, token, name, "pw", "N", "n@example.com"), 401, null);
		assertErrors(lookUp(name), 404, null);
	}

	@Test
	void listWhenPagingWithLimit2ThenPagesAreCompleteStableAndOrderedByName() {
		String prefix = unique("pg");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			names.add(createUser(prefix));
		}
		List<String> paged = new ArrayList<>();
		Integer start = 0;
		for (int page = 0; start != null; page++) {
			JsonNode json = okJson(ADMIN_USERS + "?filter=" + prefix + "&limit=2&start=" + start, ADMIN, ADMIN_PASSWORD);
			assertThat(List.copyOf(json.propertyNames())).startsWith("size", "limit", "isLastPage", "values", "start");
			assertThat(json.get("start").asInt()).isEqualTo(start);
			assertThat(json.get("limit").asInt()).isEqualTo(2);
			assertThat(json.get("size").asInt()).isEqualTo(json.get("values").size()).isEqualTo(page < 2 ? 2 : 1);
			assertThat(json.get("isLastPage").asBoolean()).isEqualTo(page == 2);
			assertThat(json.has("nextPageStart")).isEqualTo(page < 2);
			paged.addAll(names(json));
			start = json.has("nextPageStart") ? json.get("nextPageStart").asInt() : null;
		}
		assertThat(paged).containsExactlyInAnyOrderElementsOf(names)
			.isSortedAccordingTo(Comparator.comparing(n -> n.toLowerCase(Locale.ROOT)));
		JsonNode all = okJson(ADMIN_USERS + "?filter=" + prefix.toUpperCase(Locale.ROOT), ADMIN, ADMIN_PASSWORD);
		assertThat(names(all)).isEqualTo(paged);
	}

	@Test
	void adminListsWhenCallerIsNotAnAdminThen401() {
		String plain = createUser("nolist");
		assertErrors(this.http.get(ADMIN_USERS).basicAuth(plain, passwordOf(plain)).send(), 401, null);
		assertErrors(this.http.get(PERMISSIONS).basicAuth(plain, passwordOf(plain)).send(), 401, null);
	}

	@Test
	void findWhenAnyAuthenticatedUserSearchesThenUsersAreFoundBySlugAndFilter() {
		String prefix = unique("fnd");
		String target = createUser(prefix);
		String reader = createUser("reader");
		String token = createToken(reader).get("token").asString();

		JsonNode found = okJson("/rest/api/1.0/users?filter=" + prefix, reader, passwordOf(reader));
		assertThat(names(found)).containsExactly(target);
		assertThat(found.get("isLastPage").asBoolean()).isTrue();
		assertThat(found.has("nextPageStart")).isFalse();
		Http.Response byToken = this.http.get("/rest/api/1.0/users/" + target).bearer(token).send();
		assertThat(byToken.status()).as(byToken.toString()).isEqualTo(200);
		assertThat(byToken.json().get("emailAddress").asString()).isEqualTo(target + "@example.com");
		assertThat(okJson("/rest/api/1.0/users/" + target.toUpperCase(Locale.ROOT), reader, passwordOf(reader))
			.get("name")
			.asString()).isEqualTo(target);
	}

	@Test
	void getWhenSlugIsUnknownThen404() {
		String reader = createUser("seeker");
		assertErrors(this.http.get("/rest/api/1.0/users/" + unique("no-such-user"))
			.basicAuth(reader, passwordOf(reader))
			.send(), 404, null);
	}

	@Test
	void usersWhenAnonymousThen401WithABasicChallenge() {
		for (String path : List.of("/rest/api/1.0/users", "/rest/api/1.0/users/" + ADMIN, ADMIN_USERS)) {
			Http.Response response = this.http.get(path).send();
			assertErrors(response, 401, null);
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tokenkeeper\"");
		}
	}

	@Test
	void deleteWhenAdminDeletesAUserThen200WithTheUserAndTheirCredentialsStopWorkingAtOnce() {
		String name = createUser("doomed");
		String token = createToken(name).get("token").asString();
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		assertThat(this.http.get("/rest/api/1.0/users/" + name).bearer(token).send().status()).isEqualTo(200);

		Http.Response deleted = this.http.delete(ADMIN_USERS + "?name=" + name).basicAuth(ADMIN, ADMIN_PASSWORD).send();
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("name").asString()).isEqualTo(name);
		assertThat(deleted.json().get("slug").asString()).isEqualTo(name);

		assertErrors(this.http.get("/rest/api/1.0/users/" + ADMIN).bearer(token).send(), 401, null);
		assertThat(status(name, token)).isEqualTo(401);
		assertThat(status(name, passwordOf(name))).isEqualTo(401);
		assertErrors(lookUp(name), 404, null);
		// A new account with the same name inherits nothing from the deleted one.
		assertThat(create(ADMIN, ADMIN_PASSWORD, name, "fresh-pw", "New", "new@example.com").status()).isEqualTo(204);
		assertThat(this.http.get("/rest/api/1.0/users/" + name).bearer(token).send().status()).isEqualTo(401);
		assertThat(status(name, passwordOf(name))).isEqualTo(401);
	}

	@Test
	void deleteWhenDeletingYourselfThen409() {
		String admin = createUserWith("selfdel", "SYS_ADMIN");
		assertErrors(this.http.delete(ADMIN_USERS + "?name=" + admin).basicAuth(admin, passwordOf(admin)).send(), 409,
				"name");
		assertThat(status(admin, passwordOf(admin))).isEqualTo(200);
	}

	@Test
	void deleteWhenAnAdminTargetsASysAdminThen401AndTheSysAdminRemains() {
		String admin = createUserWith("admin", "ADMIN");
		String sysAdmin = createUserWith("sysadmin", "SYS_ADMIN");
		assertErrors(this.http.delete(ADMIN_USERS + "?name=" + sysAdmin).basicAuth(admin, passwordOf(admin)).send(),
				401, null);
		assertThat(status(sysAdmin, passwordOf(sysAdmin))).isEqualTo(200);
	}

	@Test
	void deleteWhenNameIsUnknownThen404() {
		assertErrors(this.http.delete(ADMIN_USERS + "?name=" + unique("ghost"))
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send(), 404, null);
	}

	@Test
	void changePasswordWhenAdminSetsItThen204AndTheJustUsedOldPasswordIsRefusedAtOnce() {
		String name = createUser("reset");
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		Http.Response response = adminCredentials(name, "new-Secret-1", "new-Secret-1");
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(status(name, passwordOf(name))).isEqualTo(401);
		assertThat(status(name, "new-Secret-1")).isEqualTo(200);
	}

	@Test
	void changePasswordWhenConfirmationDiffersThen400AndThePasswordIsUnchanged() {
		String name = createUser("mismatch");
		assertErrors(adminCredentials(name, "new-Secret-1", "new-Secret-2"), 400, "passwordConfirm");
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		assertThat(status(name, "new-Secret-1")).isEqualTo(401);
	}

	@Test
	void changeOwnPasswordWhenOldPasswordIsRightThen204AndOnlyTheNewOneWorks() {
		String name = createUser("own");
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		Http.Response response = ownCredentials(name, passwordOf(name), passwordOf(name), "mine-2", "mine-2");
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(status(name, passwordOf(name))).isEqualTo(401);
		assertThat(status(name, "mine-2")).isEqualTo(200);
	}

	@Test
	void changeOwnPasswordWhenOldPasswordIsWrongThen400AndThePasswordIsUnchanged() {
		String name = createUser("wrongold");
		assertErrors(ownCredentials(name, passwordOf(name), "not-it", "mine-2", "mine-2"), 400, "oldPassword");
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		assertThat(status(name, "mine-2")).isEqualTo(401);
	}

	@Test
	void changeOwnPasswordWhenAuthenticatedWithATokenThen401() {
		String name = createUser("tokpw");
		String token = createToken(name).get("token").asString();
		String body = "{\"oldPassword\":\"" + passwordOf(name) + "\",\"password\":\"x-2\",\"passwordConfirm\":\"x-2\"}";
		assertErrors(this.http.put("/rest/api/1.0/users/credentials").bearer(token).json(body).send(), 401, null);
		assertErrors(ownCredentials(name, token, passwordOf(name), "x-2", "x-2"), 401, null);
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
	}

	@Test
	void grantWhenAdminGrantsAdminThen204AndTheUserCanAdministerUsers() {
		String name = createUser("promoted");
		assertErrors(this.http.get(ADMIN_USERS).basicAuth(name, passwordOf(name)).send(), 401, null);
		assertThat(grant(ADMIN, ADMIN_PASSWORD, name, "ADMIN").status()).isEqualTo(204);
		assertThat(this.http.get(ADMIN_USERS).basicAuth(name, passwordOf(name)).send().status()).isEqualTo(200);
		String created = unique("by-promoted");
		assertThat(create(name, passwordOf(name), created, "pw", "C", "c@example.com").status()).isEqualTo(204);
	}

	@Test
	void grantWhenAnAdminGrantsSysAdminThen401AndNothingChanges() {
		String admin = createUserWith("granter", "ADMIN");
		String target = createUser("target");
		assertErrors(grant(admin, passwordOf(admin), target, "SYS_ADMIN"), 401, null);
		assertThat(permissionOf(target)).isEqualTo("LICENSED_USER");
	}

	@Test
	void grantWhenChangingYourOwnPermissionThen409() {
		String sysAdmin = createUserWith("selfgrant", "SYS_ADMIN");
		assertErrors(grant(sysAdmin, passwordOf(sysAdmin), sysAdmin, "ADMIN"), 409, "name");
		assertErrors(this.http.delete(PERMISSIONS + "?name=" + sysAdmin).basicAuth(sysAdmin, passwordOf(sysAdmin)).send(),
				409, "name");
		assertThat(permissionOf(sysAdmin)).isEqualTo("SYS_ADMIN");
	}

	@Test
	void grantWhenPermissionIsInvalidThen400WithPermissionAsContext() {
		String target = createUser("invalidperm");
		for (String permission : List.of("SUPERUSER", "admin", "REPO_ADMIN", "")) {
			assertErrors(grant(ADMIN, ADMIN_PASSWORD, target, permission), 400, "permission");
		}
		assertErrors(this.http.put(PERMISSIONS + "?name=" + target).basicAuth(ADMIN, ADMIN_PASSWORD).send(), 400,
				"permission");
		assertThat(permissionOf(target)).isEqualTo("LICENSED_USER");
	}

	@Test
	void revokeWhenAdminRevokesThen204AndTheUserCannotAuthenticateAtOnce() {
		String name = createUser("revoked");
		assertThat(permissionOf(name)).isEqualTo("LICENSED_USER");
		String token = createToken(name).get("token").asString();
		assertThat(status(name, passwordOf(name))).isEqualTo(200);
		Http.Response revoked = this.http.delete(PERMISSIONS + "?name=" + name).basicAuth(ADMIN, ADMIN_PASSWORD).send();
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
		assertThat(status(name, passwordOf(name))).isEqualTo(401);
		assertThat(this.http.get("/rest/api/1.0/users/" + name).bearer(token).send().status()).isEqualTo(401);
		assertThat(permissionOf(name)).isNull();
	}

	@Test
	void listPermissionsWhenFilteringThenEachEntryHasTheUserAndThePermission() {
		String prefix = unique("perm");
		String licensed = createUser(prefix);
		String admin = createUserWith(prefix, "ADMIN");
		String projectCreator = createUserWith(prefix, "PROJECT_CREATE");
		JsonNode first = okJson(PERMISSIONS + "?filter=" + prefix + "&limit=2", ADMIN, ADMIN_PASSWORD);
		assertThat(first.get("isLastPage").asBoolean()).isFalse();
		assertThat(first.get("nextPageStart").asInt()).isEqualTo(2);
		JsonNode second = okJson(PERMISSIONS + "?filter=" + prefix + "&limit=2&start=2", ADMIN, ADMIN_PASSWORD);
		assertThat(second.get("isLastPage").asBoolean()).isTrue();
		List<JsonNode> entries = Stream.of(first, second).flatMap(page -> page.get("values").valueStream()).toList();
		assertThat(entries).allSatisfy(entry -> assertThat(List.copyOf(entry.propertyNames())).containsExactly("user",
				"permission"));
		assertThat(entries.stream().map(e -> e.get("user").get("name").asString() + "=" + e.get("permission").asString()))
			.containsExactlyInAnyOrder(licensed + "=LICENSED_USER", admin + "=ADMIN", projectCreator + "=PROJECT_CREATE");
	}

	private Http.Response create(String caller, String secret, String name, String password, String displayName,
			String email) {
		StringBuilder query = new StringBuilder();
		param(query, "name", name);
		param(query, "password", password);
		param(query, "displayName", displayName);
		param(query, "emailAddress", email);
		return this.http.post(ADMIN_USERS + query).basicAuth(caller, secret).send();
	}

	private static void param(StringBuilder query, String key, String value) {
		if (value != null) {
			query.append(query.isEmpty() ? '?' : '&').append(key).append('=').append(encode(value));
		}
	}

	private Http.Response grant(String caller, String secret, String name, String permission) {
		return this.http.put(PERMISSIONS + "?name=" + name + "&permission=" + permission)
			.basicAuth(caller, secret)
			.send();
	}

	/** Creates a user holding the given global permission, granted by the system administrator. */
	private String createUserWith(String prefix, String permission) {
		String name = createUser(prefix);
		Http.Response response = grant(ADMIN, ADMIN_PASSWORD, name, permission);
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		return name;
	}

	/** The user's global permission as listed by the admin API, or {@code null} when they hold none. */
	private String permissionOf(String name) {
		return okJson(PERMISSIONS + "?filter=" + name, ADMIN, ADMIN_PASSWORD).get("values")
			.valueStream()
			.filter(entry -> entry.get("user").get("name").asString().equals(name))
			.map(entry -> entry.get("permission").asString())
			.findFirst()
			.orElse(null);
	}

	private Http.Response adminCredentials(String name, String password, String confirm) {
		return this.http.put(ADMIN_USERS + "/credentials")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"name\":\"%s\",\"password\":\"%s\",\"passwordConfirm\":\"%s\"}".formatted(name, password, confirm))
			.send();
	}

	private Http.Response ownCredentials(String name, String secret, String oldPassword, String password,
			String confirm) {
		return this.http.put("/rest/api/1.0/users/credentials")
			.basicAuth(name, secret)
			.json("{\"oldPassword\":\"%s\",\"password\":\"%s\",\"passwordConfirm\":\"%s\"}".formatted(oldPassword,
					password, confirm))
			.send();
	}

	/** The status of an authenticated read: 200 when the credentials work, 401 when they do not. */
	private int status(String user, String secret) {
		return this.http.get("/rest/api/1.0/users/" + ADMIN).basicAuth(user, secret).send().status();
	}

	private JsonNode okJson(String path, String user, String secret) {
		Http.Response response = this.http.get(path).basicAuth(user, secret).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private Http.Response lookUp(String slug) {
		return this.http.get("/rest/api/1.0/users/" + slug).basicAuth(ADMIN, ADMIN_PASSWORD).send();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<String> names(JsonNode page) {
		return page.get("values").valueStream().map(user -> user.get("name").asString()).toList();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
