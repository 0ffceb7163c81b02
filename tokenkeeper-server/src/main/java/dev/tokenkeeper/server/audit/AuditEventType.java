package dev.tokenkeeper.server.audit;

/** The kinds of audited events. */
public enum AuditEventType {

	TOKEN_CREATED, TOKEN_UPDATED, TOKEN_RENEWED, TOKEN_ROTATED, TOKEN_SELF_ROTATED, TOKEN_DELETED,
	/** An expired token was presented. */
	EXPIRED_TOKEN_USED,
	/** A secret that was rotated out was presented: it may have leaked. */
	ROTATED_OUT_SECRET_USED,
	/** Failed authentications, counted per source address and user name over a short window. */
	AUTHENTICATION_FAILED,
	/** Requests refused because of too many failed authentications. */
	AUTHENTICATION_THROTTLED,
	USER_CREATED, USER_UPDATED, USER_DELETED, PASSWORD_CHANGED, GLOBAL_PERMISSION_CHANGED,
	PROJECT_CREATED, PROJECT_UPDATED, PROJECT_DELETED, REPOSITORY_CREATED, REPOSITORY_DELETED,
	PERMISSION_GRANTED, PERMISSION_REVOKED, GROUP_CREATED, GROUP_DELETED, GROUP_MEMBERSHIP_CHANGED,
	TOKEN_POLICY_CHANGED

}
