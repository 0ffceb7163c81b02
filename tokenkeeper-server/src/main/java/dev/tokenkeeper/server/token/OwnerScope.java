package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.permission.Caller;

/**
 * The owner a request addresses (from its path), with the rules for who may act on that
 * owner's tokens. User, project and repository tokens share one token mechanism and differ
 * only here.
 */
public interface OwnerScope {

	TokenOwner owner();

	boolean canRead(Caller caller);

	boolean canCreate(Caller caller);

	boolean canModify(Caller caller);

	/** How people name this owner, for the audit log: "user john", "project PRJ", "repository PRJ/app". */
	String label();

	/** The user whose tokens these are, or {@code null} for a project or repository. */
	default String subjectName() {
		return null;
	}

}
