package dev.tokenkeeper.server.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;

import dev.tokenkeeper.server.cluster.CacheInvalidation;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Pages of an owner's token list, read by key where a walk through the pages has been before.
 * Bitbucket pages by offset ({@code start}), and a database counts its way to an offset through
 * the index: on PostgreSQL a page deep in 100,000 tokens costs several times the first. A client
 * walks the list by asking for the {@code nextPageStart} of the page before, so when a page is read
 * the sort key of the token that starts the next one is remembered, and the next page is read from
 * the index by that key: as cheap as the first. A token created or deleted for the owner forgets
 * its remembered starts, here at once and on other nodes when the change commits (as every cache
 * eviction does), so a remembered start names the token that counting would find.
 * <p>
 * Only starts of {@link #MIN_REMEMBERED_START} or more are remembered: counting that far costs no
 * more than a lookup (bench/RESULTS.md), so lists under the default token limit are always read by
 * offset. Starts are kept per node, and like every cache entry for at most the cache's age from the
 * first deep page read (on a cluster, 5 s by default): a longer walk has a page counted again now
 * and then, and a walk whose requests a load balancer spreads over several nodes has its pages
 * counted on the nodes that did not serve the page before.
 */
@Component
class OwnerTokenPages {

	private static final int MIN_REMEMBERED_START = 1_000;

	/** More starts than a few walkers at once need; past it, the start used longest ago is dropped. */
	private static final int MAX_STARTS_PER_OWNER = 64;

	private static final String REGION = "token-page-starts";

	private final AccessTokenStore store;

	private final CacheInvalidation caches;

	private final Cache<TokenOwner, Starts> startsByOwner;

	OwnerTokenPages(AccessTokenStore store, CacheInvalidation caches, TokenProperties properties) {
		this.store = store;
		this.caches = caches;
		this.startsByOwner = caches.newCache(REGION, 1_000, properties.cacheMaxAge(), OwnerTokenPages::parseOwner);
	}

	/** A page of the owner's tokens, oldest first, fetched one past the limit (see {@link PageRequest#fetchSize()}). */
	List<AccessToken> read(TokenOwner owner, PageRequest page) {
		int next = page.start() + page.limit();
		if (next < MIN_REMEMBERED_START) {
			return this.store.findByOwner(owner, page);
		}
		// taken before the read: if the owner's tokens change meanwhile, what this read learns goes
		// into starts that are already forgotten
		Starts starts = this.startsByOwner.get(owner, key -> new Starts());
		SortKey from = starts.at(page.start());
		List<AccessToken> tokens = (from == null) ? this.store.findByOwner(owner, page)
				: this.store.findByOwnerFrom(owner, from.createdDate(), from.id(), page.fetchSize());
		if (tokens.size() > page.limit()) {
			starts.remember(next, tokens.get(page.limit()));
		}
		return tokens;
	}

	/** Forgets the owner's remembered starts, on every node: its tokens are being created or deleted. */
	void forget(TokenOwner owner) {
		this.caches.evict(REGION, owner.type() + ":" + owner.id());
	}

	private static TokenOwner parseOwner(String text) {
		int colon = text.indexOf(':');
		return new TokenOwner(TokenOwner.Type.valueOf(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
	}

	/** The sort key of a token in its owner's list: (created date, id). */
	private record SortKey(Instant createdDate, String id) {
	}

	/** One owner's remembered page starts: the sort key of the token found at each start. */
	private static final class Starts {

		private final Map<Integer, SortKey> byStart = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Integer, SortKey> eldest) {
				return size() > MAX_STARTS_PER_OWNER;
			}

		};

		synchronized SortKey at(int start) {
			return this.byStart.get(start);
		}

		synchronized void remember(int start, AccessToken first) {
			this.byStart.put(start, new SortKey(first.createdDate(), first.id()));
		}

	}

}
