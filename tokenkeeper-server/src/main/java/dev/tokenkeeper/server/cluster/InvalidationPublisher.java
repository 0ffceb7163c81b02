package dev.tokenkeeper.server.cluster;

/** Carries cache evictions to the other nodes, if there are any. */
interface InvalidationPublisher {

	/** A single server on its own database: nobody else to tell. */
	InvalidationPublisher LOCAL = new InvalidationPublisher() {

		@Override
		public void publish(String message) {
		}

		@Override
		public boolean reachesOtherNodes() {
			return false;
		}

	};

	/** Sends the message to every other node when the current transaction commits (at once outside one). */
	void publish(String message);

	/** Whether other nodes may share the database, so node-local caches must stay young. */
	boolean reachesOtherNodes();

}
