package dev.tokenkeeper.server.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tokenkeeper.server.audit.AuditEvent;
import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.GlobalPermission;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrityException;
import dev.tokenkeeper.server.support.VisibleText;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their global permissions, with Bitbucket's rules for who may change them. */
@Service
public class UserService {

	/** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final int MAX_FIELD_LENGTH = 255;

	private final UserStore store;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final UsersById usersById;

	UserService(UserStore store, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events,
			UsersById usersById) {
		this.store = store;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.events = events;
		this.usersById = usersById;
	}

	public Optional<User> findByName(String name) {
		return this.store.findByName(name);
	}

	public User getBySlug(String slug) {
		return this.store.findBySlug(slug).orElseThrow(() -> new NoSuchUserException(slug));
	}

	public User getByName(String name) {
		return findByName(name).orElseThrow(() -> new NoSuchUserException(name));
	}

	public List<User> find(String filter, PageRequest page) {
		return this.store.find(filter, false, page);
	}

	public List<User> findLicensed(String filter, PageRequest page) {
		return this.store.find(filter, true, page);
	}

	public boolean hasNoUsers() {
		return this.store.isEmpty();
	}

	/** Creates a user with LICENSED_USER; only administrators may. */
	@Transactional
	public User create(Caller caller, NewUser request) {
		requireAdmin(caller);
		User user = insert(request, GlobalPermission.LICENSED_USER);
		audit(AuditEventType.USER_CREATED, caller, user, null);
		return user;
	}

	/** Creates the first system administrator of an empty installation. */
	@Transactional
	public User createInitialAdmin(NewUser request) {
		User user = insert(request, GlobalPermission.SYS_ADMIN);
		this.events.publishEvent(AuditEvent.success(AuditEventType.USER_CREATED, null, user.name(), null,
				"user " + user.name()).withDetails("the first system administrator"));
		return user;
	}

	private User insert(NewUser request, GlobalPermission permission) {
		String name = requireText("name", request.name());
		validateName(name);
		String displayName = requireText("displayName", request.displayName());
		String email = requireText("emailAddress", request.emailAddress());
		validateEmail(email);
		validatePassword("password", request.password());
		User user = new User(0, name, slugOf(name), displayName, email, true, UserType.NORMAL, permission,
				this.passwordEncoder.encode(request.password()));
		try {
			long id = this.store.insert(user, this.clock.millis());
			return this.store.findById(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateUserException(name);
		}
	}

	/** Creates the service user a project or repository token acts as; it has no password. */
	@Transactional
	public User createServiceUser(String name, String displayName) {
		User user = new User(0, name, slugOf(name), displayName, null, true, UserType.SERVICE,
				GlobalPermission.LICENSED_USER, null);
		return this.store.findById(this.store.insert(user, this.clock.millis())).orElseThrow();
	}

	/** Renames a service user along with its token. */
	@Transactional
	public void renameServiceUser(long id, String displayName) {
		User user = this.usersById.find(id).filter(u -> u.type() == UserType.SERVICE).orElseThrow();
		this.store.updateDetails(id, displayName, user.emailAddress());
		evict(user);
	}

	/** Deletes a service user, and with it the token it acts for. */
	@Transactional
	public void deleteServiceUser(long id) {
		this.usersById.find(id).filter(u -> u.type() == UserType.SERVICE).ifPresent(user -> {
			this.store.delete(id);
			evict(user);
		});
	}

	/** An administrator changes a user's display name and/or email address. */
	@Transactional
	public void updateDetails(Caller caller, String name, String displayName, String emailAddress) {
		User user = getByName(requireText("name", name));
		requireManage(caller, user);
		String newDisplayName = displayName == null ? user.displayName() : requireText("displayName", displayName);
		String newEmail = emailAddress == null ? user.emailAddress() : requireText("emailAddress", emailAddress);
		validateEmail(newEmail);
		this.store.updateDetails(user.id(), newDisplayName, newEmail);
		evict(user);
		audit(AuditEventType.USER_UPDATED, caller, user, null);
	}

	/** Deletes a user and, with them, all their tokens. Nobody deletes themselves. */
	@Transactional
	public User delete(Caller caller, String name) {
		User user = getByName(requireText("name", name));
		requireManage(caller, user);
		if (caller.is(user)) {
			throw new IntegrityException("name", "You cannot delete yourself.");
		}
		this.events.publishEvent(new UserDeletedEvent(user.id()));
		this.store.delete(user.id());
		evict(user);
		audit(AuditEventType.USER_DELETED, caller, user, null);
		return user;
	}

	/** An administrator sets another user's password. */
	@Transactional
	public void changePassword(Caller caller, String name, String password, String passwordConfirm) {
		User user = getByName(requireText("name", name));
		requireManage(caller, user);
		setPassword(user, password, passwordConfirm);
		audit(AuditEventType.PASSWORD_CHANGED, caller, user, "set by an administrator");
	}

	/** A user changes their own password; this needs the old one, never a token. */
	@Transactional
	public void changeOwnPassword(Caller caller, String oldPassword, String password, String passwordConfirm) {
		if (caller.usedToken()) {
			throw new AuthorisationException("Changing a password requires authenticating with a password.");
		}
		User user = this.usersById.find(caller.user().id()).orElseThrow(() -> new NoSuchUserException(caller.user().name()));
		if (oldPassword == null || !passwordMatches(oldPassword, user.passwordHash())) {
			throw new ArgumentValidationException("oldPassword", "The old password is not correct.");
		}
		setPassword(user, password, passwordConfirm);
		audit(AuditEventType.PASSWORD_CHANGED, caller, user, "changed by the user");
	}

	private void setPassword(User user, String password, String passwordConfirm) {
		validatePassword("password", password);
		if (!password.equals(passwordConfirm)) {
			throw new ArgumentValidationException("passwordConfirm", "The password confirmation does not match.");
		}
		this.store.updatePasswordHash(user.id(), this.passwordEncoder.encode(password));
		evict(user);
	}

	/** Sets a user's global permission ({@code null} revokes it). Nobody changes their own. */
	@Transactional
	public void setPermission(Caller caller, String name, GlobalPermission permission) {
		User user = getByName(requireText("name", name));
		requireManage(caller, user);
		if (permission != null && !AccessRules.canGrant(caller, permission)) {
			throw new AuthorisationException("You are not permitted to grant " + permission + ".");
		}
		if (caller.is(user)) {
			throw new IntegrityException("name", "You cannot change your own global permission.");
		}
		this.store.updatePermission(user.id(), permission);
		evict(user);
		audit(AuditEventType.GLOBAL_PERMISSION_CHANGED, caller, user,
				permission == null ? "revoked " + user.permission() : user.permission() + " -> " + permission);
	}

	/**
	 * Holds the user's row locked until the transaction ends (serialises per-user limits).
	 * Returns false if the user does not exist (any more).
	 */
	@Transactional
	public boolean lock(long userId) {
		return this.store.lock(userId);
	}

	/** Checks a password against a stored hash; {@code false} for anything malformed. */
	public boolean passwordMatches(String password, String hash) {
		if (hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return false;
		}
		try {
			return this.passwordEncoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Bitbucket-style slug: lower case, with characters that are unsafe in a URL path replaced by '_'. */
	static String slugOf(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._~-]", "_");
	}

	private void audit(AuditEventType type, Caller caller, User user, String details) {
		this.events.publishEvent(AuditEvent.success(type, caller.actor(), user.name(), null, "user " + user.name())
			.withDetails(details));
	}

	private void evict(User user) {
		this.usersById.evict(user);
	}

	private static void requireAdmin(Caller caller) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("You are not permitted to manage users.");
		}
	}

	private static void requireManage(Caller caller, User user) {
		if (!AccessRules.canManageUser(caller, user)) {
			throw new AuthorisationException("You are not permitted to manage user " + user.name() + ".");
		}
		if (user.type() != UserType.NORMAL) {
			throw new ArgumentValidationException("name", user.name()
					+ " acts for a project or repository token: manage the token instead.");
		}
	}

	private static String requireText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new ArgumentValidationException(field, field + " is required.");
		}
		if (value.length() > MAX_FIELD_LENGTH) {
			throw new ArgumentValidationException(field, field + " must be at most " + MAX_FIELD_LENGTH + " characters.");
		}
		if (VisibleText.hasHiddenCharacters(value)) {
			throw new ArgumentValidationException(field, field + " must not contain control or invisible characters.");
		}
		return value;
	}

	private static void validateName(String name) {
		if (!name.equals(name.strip()) || name.chars().anyMatch(c -> c == ':' || c == '/' || c == '\\')) {
			throw new ArgumentValidationException("name",
					"name must not start or end with spaces, nor contain ':', '/' or '\\'.");
		}
	}

	private static void validateEmail(String email) {
		int at = email.indexOf('@');
		if (at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
			throw new ArgumentValidationException("emailAddress", "emailAddress must be a valid email address.");
		}
	}

	private static void validatePassword(String field, String password) {
		if (password == null || password.isEmpty()) {
			throw new ArgumentValidationException(field, field + " is required.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new ArgumentValidationException(field,
					field + " must be at most " + MAX_PASSWORD_BYTES + " bytes long.");
		}
	}

	/** What it takes to create a user. {@link #toString()} leaves the password out. */
	public record NewUser(String name, String password, String displayName, String emailAddress) {

		@Override
		public String toString() {
			return "NewUser[name=" + this.name + "]";
		}

	}

}
