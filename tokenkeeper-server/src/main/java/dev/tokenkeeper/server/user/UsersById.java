package dev.tokenkeeper.server.user;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.tokenkeeper.server.cluster.CacheInvalidation;
import org.springframework.stereotype.Component;

/**
 * Users by id, through a short-lived cache that every change to a user evicts (on every node of
 * a cluster) and that loads a user in use again in the background before the entry expires.
 * Every authenticated request asks for its user here; this is not part of {@link UserService}
 * so that the request reaches it directly, not through the service's transactional proxy, which
 * cost a reflective call per request (bench/RESULTS.md).
 */
@Component
public class UsersById {

	private static final String USERS_CACHE = "users";

	private final CacheInvalidation caches;

	private final LoadingCache<Long, User> users;

	UsersById(UserStore store, UserProperties properties, CacheInvalidation caches) {
		this.caches = caches;
		this.users = caches.newLoadingCache(USERS_CACHE, 100_000, properties.cacheMaxAge(), Long::valueOf,
				id -> store.findById(id).orElse(null),
				ids -> store.findByIds(ids).stream().collect(Collectors.toMap(User::id, Function.identity())));
	}

	/** The user with this id, if there is one. */
	public Optional<User> find(long id) {
		return Optional.ofNullable(this.users.get(id));
	}

	/** Forgets the user, here and on every other node, after a change. */
	void evict(User user) {
		this.caches.evict(USERS_CACHE, user.id());
	}

}
