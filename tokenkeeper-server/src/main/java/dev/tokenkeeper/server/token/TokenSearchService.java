package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.util.List;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.stereotype.Service;

/**
 * Lists tokens filtered and ordered in the database: one owner's, for whoever may read them, or
 * everyone's, for administrators. Recorded uses are written first, so "never used" and "last
 * used" are true to the moment. (Not in one read-only transaction: that write must commit.)
 */
@Service
public class TokenSearchService {

	private final TokenSearchStore store;

	private final TokenUsageRecorder usage;

	private final TokenOwners owners;

	private final UserService users;

	private final Clock clock;

	TokenSearchService(TokenSearchStore store, TokenUsageRecorder usage, TokenOwners owners, UserService users,
			Clock clock) {
		this.store = store;
		this.usage = usage;
		this.owners = owners;
		this.users = users;
		this.clock = clock;
	}

	/** A page of the owner's tokens matching the query (fetched one past the limit); {@code query.user} is ignored. */
	public List<AccessToken> find(Caller caller, OwnerScope scope, TokenQuery query, PageRequest page) {
		if (!scope.canRead(caller)) {
			throw new AuthorisationException("You are not permitted to access these access tokens.");
		}
		this.usage.flush();
		return this.store.search(scope.owner(), query, this.clock.instant(), page);
	}

	/**
	 * A page of all tokens matching the query, of users, projects and repositories alike (fetched
	 * one past the limit); with {@code query.user} only that user's personal tokens (an unknown user is invalid input).
	 * Administrators only.
	 */
	public List<OwnedToken> search(Caller caller, TokenQuery query, PageRequest page) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("Only administrators may search all access tokens.");
		}
		TokenOwner owner = query.user() == null ? null : TokenOwner.user(this.users.findByName(query.user())
			.orElseThrow(() -> new ArgumentValidationException("user", "There is no user named " + query.user() + "."))
			.id());
		this.usage.flush();
		return this.store.search(owner, query, this.clock.instant(), page)
			.stream()
			.map(token -> new OwnedToken(token, this.owners.scopeOf(token.owner())))
			.toList();
	}

}
