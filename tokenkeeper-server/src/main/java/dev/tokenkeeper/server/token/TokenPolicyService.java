package dev.tokenkeeper.server.token;

import java.time.Clock;

import dev.tokenkeeper.server.audit.AuditEvent;
import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.AuthorisationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token policy in force: what administrators stored, else the configured defaults. A change
 * applies from the next create, renew or rotate; existing tokens keep their expiry.
 */
@Service
public class TokenPolicyService {

	private final TokenPolicyStore store;

	private final TokenProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TokenPolicyService(TokenPolicyStore store, TokenProperties properties, Clock clock,
			ApplicationEventPublisher events) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public TokenPolicy current() {
		return this.store.find().orElseGet(this.properties::defaultPolicy);
	}

	@Transactional(readOnly = true)
	public TokenPolicy get(Caller caller) {
		requireAdmin(caller);
		return current();
	}

	@Transactional
	public TokenPolicy update(Caller caller, TokenPolicy policy) {
		requireAdmin(caller);
		this.store.save(policy, this.clock.millis());
		this.events.publishEvent(AuditEvent.success(AuditEventType.TOKEN_POLICY_CHANGED, caller.actor(), null, null,
				"token policy").withDetails(policy.toString()));
		return policy;
	}

	private static void requireAdmin(Caller caller) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("Only administrators may view or change the token policy.");
		}
	}

}
