package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Searching tokens in the database: filters, order, paging and who may search. */
class TokenSearchIntegrationTests extends IntegrationTestSupport {

	private static final PageRequest FIRST_PAGE = new PageRequest(0, 100);

	@Autowired
	private TokenSearchService search;

	@Autowired
	private UserService users;

	@Test
	void searchWhenFilteredByUserThenOnlyTheirTokensOldestFirst() {
		String user = createUser("search-user");
		createNamed(user, "one", null);
		createNamed(user, "two", null);
		createNamed(createUser("search-other"), "one", null);
		assertThat(names(query(user, null, false, false, TokenQuery.Sort.CREATED, false))).containsExactly("one", "two");
	}

	@Test
	void searchWhenExpiringWithinDaysThenOnlyThoseNotYetExpiredThatExpireInTime() {
		String user = createUser("search-expiring");
		createNamed(user, "in-2", 2);
		createNamed(user, "in-10", 10);
		createNamed(user, "never", null);
		assertThat(names(query(user, 5, false, false, TokenQuery.Sort.EXPIRY, false))).containsExactly("in-2");
		assertThat(names(query(user, 10, false, false, TokenQuery.Sort.EXPIRY, false))).containsExactly("in-2", "in-10");
		this.clock.advance(Duration.ofDays(3));
		assertThat(names(query(user, 30, false, false, TokenQuery.Sort.EXPIRY, false))).containsExactly("in-10");
		assertThat(names(query(user, null, true, false, TokenQuery.Sort.EXPIRY, false))).containsExactly("in-2");
	}

	@Test
	void searchWhenNeverUsedThenATokenUsedAMomentAgoIsNotAmongThem() {
		String user = createUser("search-unused");
		String used = createNamed(user, "used", null);
		createNamed(user, "unused", null);
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(used).send().status()).isEqualTo(200);
		assertThat(names(query(user, null, false, true, TokenQuery.Sort.NAME, false))).containsExactly("unused");
	}

	@Test
	void searchWhenSortedThenEmptyValuesComeLastEitherWay() {
		String user = createUser("search-sort");
		createNamed(user, "b-never", null);
		createNamed(user, "a-short", 1);
		createNamed(user, "c-long", 9);
		assertThat(names(query(user, null, false, false, TokenQuery.Sort.EXPIRY, false)))
			.containsExactly("a-short", "c-long", "b-never");
		assertThat(names(query(user, null, false, false, TokenQuery.Sort.EXPIRY, true)))
			.containsExactly("c-long", "a-short", "b-never");
		assertThat(names(query(user, null, false, false, TokenQuery.Sort.NAME, true)))
			.containsExactly("c-long", "b-never", "a-short");
	}

	@Test
	void searchWhenTextHasLikeWildcardsThenTheyAreMatchedLiterally() {
		String user = createUser("search-text");
		createNamed(user, "100%_done", null);
		createNamed(user, "100 done", null);
		TokenQuery query = new TokenQuery("%_", user, null, false, false, TokenQuery.Sort.NAME, false);
		assertThat(names(this.search.search(admin(), query, FIRST_PAGE))).containsExactly("100%_done");
	}

	@Test
	void searchWhenPagedThenPagesFollowOneAnotherWithoutGapsOrRepeats() {
		String user = createUser("search-page");
		for (int i = 0; i < 5; i++) {
			createNamed(user, "t" + i, null);
		}
		TokenQuery query = new TokenQuery(null, user, null, false, false, TokenQuery.Sort.NAME, false);
		List<OwnedToken> first = this.search.search(admin(), query, new PageRequest(0, 2));
		List<OwnedToken> third = this.search.search(admin(), query, new PageRequest(4, 2));
		assertThat(names(first)).containsExactly("t0", "t1", "t2");
		assertThat(names(third)).containsExactly("t4");
	}

	@Test
	void searchWhenNotAnAdministratorThenRefusedAndOwnersMayFindOnlyTheirOwn() {
		String user = createUser("search-refused");
		createNamed(user, "mine", null);
		Caller caller = Caller.password(this.users.getByName(user));
		assertThatThrownBy(() -> this.search.search(caller, TokenQuery.ALL, FIRST_PAGE))
			.isInstanceOf(AuthorisationException.class);
		assertThat(this.search.find(caller, new UserOwnerScope(caller.user()), TokenQuery.ALL, FIRST_PAGE)).hasSize(1);
		assertThatThrownBy(() -> this.search.find(caller, new UserOwnerScope(this.users.getByName(ADMIN)),
				TokenQuery.ALL, FIRST_PAGE))
			.isInstanceOf(AuthorisationException.class);
		assertThatThrownBy(() -> this.search.search(admin(),
				new TokenQuery(null, "no-such-user-here", null, false, false, null, false), FIRST_PAGE))
			.isInstanceOf(ArgumentValidationException.class)
			.hasMessage("There is no user named no-such-user-here.");
	}

	private List<OwnedToken> query(String user, Integer expiringWithinDays, boolean expired, boolean neverUsed,
			TokenQuery.Sort sort, boolean descending) {
		return this.search.search(admin(),
				new TokenQuery(null, user, expiringWithinDays, expired, neverUsed, sort, descending), FIRST_PAGE);
	}

	private Caller admin() {
		return Caller.password(this.users.getByName(ADMIN));
	}

	private String createNamed(String user, String name, Integer expiryDays) {
		return createToken(user, "{\"name\":\"" + name + "\",\"permissions\":[\"REPO_READ\"]"
				+ (expiryDays == null ? "" : ",\"expiryDays\":" + expiryDays) + "}").get("token").asString();
	}

	private static List<String> names(List<OwnedToken> found) {
		return found.stream().map(owned -> owned.token().name()).toList();
	}

}
