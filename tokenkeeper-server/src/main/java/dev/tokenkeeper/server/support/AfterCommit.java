package dev.tokenkeeper.server.support;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs cache evictions now and again when the surrounding transaction ends, so no reader re-caches stale rows. */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void evict(Runnable eviction) {
		eviction.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					eviction.run();
				}
			});
		}
	}

}
