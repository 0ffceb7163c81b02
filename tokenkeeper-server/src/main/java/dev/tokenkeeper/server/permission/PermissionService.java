package dev.tokenkeeper.server.permission;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import dev.tokenkeeper.server.cluster.CacheInvalidation;
import dev.tokenkeeper.server.audit.AuditEvent;
import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.permission.GrantStore.Table;
import dev.tokenkeeper.server.permission.ResourcePermission.Scope;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrityException;
import dev.tokenkeeper.server.support.VisibleText;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import dev.tokenkeeper.server.user.UsersById;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Effective permissions on projects and repositories ({@link EffectivePermission} holds the
 * rules) and the management of grants and groups. A user's grants on a resource are cached, and
 * every change to grants, groups or memberships empties that cache, so a revoked grant narrows
 * the user's tokens on their very next request.
 */
@Service
public class PermissionService {

	private final GrantStore store;

	private final UserService users;

	private final UsersById usersById;

	private static final String GRANTS_CACHE = "grants";

	private final CacheInvalidation caches;

	private final Cache<GrantsKey, Grants> grantsCache;

	private final ApplicationEventPublisher events;

	PermissionService(GrantStore store, UserService users, UsersById usersById, PermissionProperties properties,
			ApplicationEventPublisher events, CacheInvalidation caches) {
		this.store = store;
		this.users = users;
		this.usersById = usersById;
		this.events = events;
		this.caches = caches;
		this.grantsCache = caches.newCache(GRANTS_CACHE, 100_000, properties.cacheMaxAge(), null);
	}

	/** The caller's level on the resource: 0 none, 1 read, 2 write, 3 admin. */
	public int level(Caller caller, Resource resource) {
		Grants grants = this.grantsCache.get(new GrantsKey(caller.user().id(), resource.projectId(),
				resource.repositoryId()), key -> this.store.grantsOf(key.userId(), resource));
		return EffectivePermission.level(caller, grants, resource);
	}

	public boolean has(Caller caller, Resource resource, ResourcePermission permission) {
		return EffectivePermission.satisfies(level(caller, resource), permission);
	}

	public void require(Caller caller, Resource resource, ResourcePermission permission) {
		if (!has(caller, resource, permission)) {
			throw new AuthorisationException("You are not permitted to access this resource (it needs "
					+ permission + ").");
		}
	}

	/** The users who administer the resource through a project or repository grant (not global administrators). */
	@Transactional(readOnly = true)
	public List<User> administrators(Resource resource) {
		return this.store.administrators(resource)
			.stream()
			.map(this.usersById::find)
			.flatMap(Optional::stream)
			.toList();
	}

	/** Gives the creator of a project admin rights on it. */
	@Transactional
	public void grantCreator(Resource project, long userId) {
		this.store.grant(Table.PROJECT_USER, project.projectId(), userId, ResourcePermission.PROJECT_ADMIN);
		invalidate();
	}

	@Transactional
	public void grantToUsers(Caller caller, Resource resource, List<String> names, String permission) {
		ResourcePermission granted = requireManageable(caller, resource, permission);
		if (names == null || names.isEmpty()) {
			throw new ArgumentValidationException("name", "name is required.");
		}
		for (String name : names) {
			this.store.grant(Table.of(resource.isRepository(), false), resourceId(resource),
					this.users.getByName(name).id(), granted);
			audit(AuditEventType.PERMISSION_GRANTED, caller, name, resource.label(), "user " + name + ": " + granted);
		}
		invalidate();
	}

	@Transactional
	public void revokeFromUser(Caller caller, Resource resource, String name) {
		requireAdmin(caller, resource);
		this.store.revoke(Table.of(resource.isRepository(), false), resourceId(resource),
				this.users.getByName(requireName(name)).id());
		audit(AuditEventType.PERMISSION_REVOKED, caller, name, resource.label(), "user " + name);
		invalidate();
	}

	@Transactional
	public void grantToGroups(Caller caller, Resource resource, List<String> names, String permission) {
		ResourcePermission granted = requireManageable(caller, resource, permission);
		if (names == null || names.isEmpty()) {
			throw new ArgumentValidationException("name", "name is required.");
		}
		for (String name : names) {
			this.store.grant(Table.of(resource.isRepository(), true), resourceId(resource),
					group(requireName(name)).id(), granted);
			audit(AuditEventType.PERMISSION_GRANTED, caller, null, resource.label(), "group " + name + ": " + granted);
		}
		invalidate();
	}

	@Transactional
	public void revokeFromGroup(Caller caller, Resource resource, String name) {
		requireAdmin(caller, resource);
		this.store.revoke(Table.of(resource.isRepository(), true), resourceId(resource), group(requireName(name)).id());
		audit(AuditEventType.PERMISSION_REVOKED, caller, null, resource.label(), "group " + name);
		invalidate();
	}

	/** The users granted a permission on the resource whose name contains the filter (paged, one past the limit). */
	@Transactional(readOnly = true)
	public List<UserGrant> userGrants(Caller caller, Resource resource, String filter, PageRequest page) {
		requireAdmin(caller, resource);
		return this.store.grants(Table.of(resource.isRepository(), false), resourceId(resource))
			.stream()
			.map(grant -> new UserGrant(this.usersById.find(grant.granteeId()).orElseThrow(), grant.permission()))
			.filter(grant -> contains(grant.user().name(), filter))
			.skip(page.start())
			.limit(page.fetchSize())
			.toList();
	}

	/** The groups granted a permission on the resource whose name contains the filter (paged, one past the limit). */
	@Transactional(readOnly = true)
	public List<GroupGrant> groupGrants(Caller caller, Resource resource, String filter, PageRequest page) {
		requireAdmin(caller, resource);
		return this.store.grants(Table.of(resource.isRepository(), true), resourceId(resource))
			.stream()
			.map(grant -> new GroupGrant(this.store.findGroup(grant.granteeId()).orElseThrow(), grant.permission()))
			.filter(grant -> contains(grant.group().name(), filter))
			.skip(page.start())
			.limit(page.fetchSize())
			.toList();
	}

	private static boolean contains(String name, String filter) {
		return filter == null || name.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
	}

	@Transactional
	public Group createGroup(Caller caller, String name) {
		requireGlobalAdmin(caller);
		String groupName = requireName(name);
		if (groupName.length() > 255 || VisibleText.hasHiddenCharacters(groupName)) {
			throw new ArgumentValidationException("name",
					"A group name has at most 255 characters and no control or invisible characters.");
		}
		try {
			Group group = new Group(this.store.insertGroup(groupName), groupName);
			audit(AuditEventType.GROUP_CREATED, caller, null, "group " + groupName, null);
			return group;
		}
		catch (DuplicateKeyException ex) {
			throw new IntegrityException("name", "A group named " + groupName + " already exists.");
		}
	}

	@Transactional
	public void deleteGroup(Caller caller, String name) {
		requireGlobalAdmin(caller);
		this.store.deleteGroup(group(requireName(name)).id());
		audit(AuditEventType.GROUP_DELETED, caller, null, "group " + name, null);
		invalidate();
	}

	@Transactional
	public void addUserToGroups(Caller caller, String userName, List<String> groupNames) {
		requireGlobalAdmin(caller);
		User user = this.users.getByName(requireName(userName));
		if (groupNames == null || groupNames.isEmpty()) {
			throw new ArgumentValidationException("groups", "At least one group is required.");
		}
		for (String groupName : groupNames) {
			this.store.addMember(group(requireName(groupName)).id(), user.id());
			audit(AuditEventType.GROUP_MEMBERSHIP_CHANGED, caller, user.name(), "group " + groupName, "added");
		}
		invalidate();
	}

	@Transactional
	public void removeUserFromGroups(Caller caller, String userName, List<String> groupNames) {
		requireGlobalAdmin(caller);
		User user = this.users.getByName(requireName(userName));
		if (groupNames == null || groupNames.isEmpty()) {
			throw new ArgumentValidationException("groups", "At least one group is required.");
		}
		for (String groupName : groupNames) {
			this.store.removeMember(group(requireName(groupName)).id(), user.id());
			audit(AuditEventType.GROUP_MEMBERSHIP_CHANGED, caller, user.name(), "group " + groupName, "removed");
		}
		invalidate();
	}

	@Transactional(readOnly = true)
	public List<Group> findGroups(Caller caller, String filter, PageRequest page) {
		requireGlobalAdmin(caller);
		return this.store.findGroups(filter, page);
	}

	/** Forgets every cached grant; called after any change to grants, groups or resources. */
	public void invalidate() {
		this.caches.evictAll(GRANTS_CACHE);
	}

	private void audit(AuditEventType type, Caller caller, String subject, String target, String details) {
		this.events.publishEvent(AuditEvent.success(type, caller.actor(), subject, null, target).withDetails(details));
	}

	private ResourcePermission requireManageable(Caller caller, Resource resource, String permission) {
		requireAdmin(caller, resource);
		Scope scope = resource.isRepository() ? Scope.REPOSITORY : Scope.PROJECT;
		try {
			ResourcePermission parsed = ResourcePermission.valueOf(permission == null ? "" : permission);
			if (parsed.scope() == scope) {
				return parsed;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		String prefix = scope == Scope.PROJECT ? "PROJECT" : "REPO";
		throw new ArgumentValidationException("permission",
				"permission must be one of " + prefix + "_READ, " + prefix + "_WRITE, " + prefix + "_ADMIN.");
	}

	private void requireAdmin(Caller caller, Resource resource) {
		if (caller.usedToken() || level(caller, resource) < 3) {
			throw new AuthorisationException("You are not permitted to manage the permissions of this "
					+ (resource.isRepository() ? "repository." : "project."));
		}
	}

	private static void requireGlobalAdmin(Caller caller) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("You are not permitted to manage groups.");
		}
	}

	private Group group(String name) {
		return this.store.findGroup(name).orElseThrow(() -> new NoSuchGroupException(name));
	}

	private static long resourceId(Resource resource) {
		return resource.isRepository() ? resource.repositoryId() : resource.projectId();
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new ArgumentValidationException("name", "name is required.");
		}
		return name;
	}

	private record GrantsKey(long userId, long projectId, Long repositoryId) {
	}

	/** A user's grant on a resource. */
	public record UserGrant(User user, ResourcePermission permission) {
	}

	/** A group's grant on a resource. */
	public record GroupGrant(Group group, ResourcePermission permission) {
	}

}
