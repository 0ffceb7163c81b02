package dev.tokenkeeper.server.project;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;

import dev.tokenkeeper.server.cluster.CacheInvalidation;
import dev.tokenkeeper.server.audit.AuditEvent;
import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.GlobalPermission;
import dev.tokenkeeper.server.permission.PermissionProperties;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrityException;
import dev.tokenkeeper.server.support.VisibleText;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and repositories, with Bitbucket's rules: creating a project needs PROJECT_CREATE
 * (its creator becomes its admin), changing it PROJECT_ADMIN, creating or deleting a
 * repository PROJECT_ADMIN / REPO_ADMIN; callers see only what they may read. Lookups by key
 * and slug are cached, and every change empties the cache.
 */
@Service
public class ProjectService {

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

	private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}");

	/** Projects and repositories by key and path: every change empties both caches. */
	private static final String PROJECTS_CACHE = "projects";

	private final ProjectStore store;

	private final PermissionService permissions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CacheInvalidation caches;

	private final Cache<String, Optional<Project>> projectsByKey;

	private final Cache<String, Optional<Repo>> reposByPath;

	ProjectService(ProjectStore store, PermissionService permissions, ApplicationEventPublisher events, Clock clock,
			PermissionProperties properties, CacheInvalidation caches) {
		this.store = store;
		this.permissions = permissions;
		this.events = events;
		this.clock = clock;
		this.caches = caches;
		this.projectsByKey = caches.newCache(PROJECTS_CACHE, 10_000, properties.cacheMaxAge(), null);
		this.reposByPath = caches.newCache(PROJECTS_CACHE, 100_000, properties.cacheMaxAge(), null);
	}

	@Transactional
	public Project create(Caller caller, String key, String name, String description, Boolean isPublic) {
		if (caller.usedToken() || caller.user().permission() == null
				|| !caller.user().permission().implies(GlobalPermission.PROJECT_CREATE)) {
			throw new AuthorisationException("You are not permitted to create projects.");
		}
		String validKey = validKey(key);
		String validName = text("name", name, 255, true);
		String validDescription = text("description", description, 1024, false);
		// Checked before the insert: on PostgreSQL a failed insert ends the transaction, so the
		// catch below can no longer ask which of the two was taken.
		if (this.store.findProject(validKey).isPresent()) {
			throw new IntegrityException("key", "A project with the key " + validKey + " already exists.");
		}
		if (this.store.projectNameTaken(validName)) {
			throw new IntegrityException("name", "A project named " + validName + " already exists.");
		}
		try {
			long id = this.store.insertProject(validKey, validName, validDescription, Boolean.TRUE.equals(isPublic),
					this.clock.millis());
			Project project = this.store.findProject(id).orElseThrow();
			this.permissions.grantCreator(project.resource(), caller.user().id());
			evictAll();
			audit(AuditEventType.PROJECT_CREATED, caller, project.resource().label());
			return project;
		}
		catch (DuplicateKeyException ex) {
			// Another request created a project with this key or name at the same moment.
			throw new IntegrityException("key", "A project with the key " + validKey + " or the name " + validName
					+ " was created at the same time.");
		}
	}

	/** The projects the caller may see, ordered by key (fetched one past the page's limit). */
	@Transactional(readOnly = true)
	public List<Project> list(Caller caller, PageRequest page) {
		return this.store.allProjects()
			.stream()
			.filter(project -> canSee(caller, project))
			.skip(page.start())
			.limit(page.fetchSize())
			.toList();
	}

	@Transactional(readOnly = true)
	public Project get(Caller caller, String key) {
		Project project = find(key);
		if (!canSee(caller, project)) {
			throw new AuthorisationException("You are not permitted to access project " + project.key() + ".");
		}
		return project;
	}

	@Transactional
	public Project update(Caller caller, String key, String name, String description, Boolean isPublic) {
		Project project = find(key);
		this.permissions.require(caller, project.resource(), ResourcePermission.PROJECT_ADMIN);
		String newName = name == null ? project.name() : text("name", name, 255, true);
		String newDescription = description == null ? project.description()
				: text("description", description, 1024, false);
		try {
			this.store.updateProject(project.id(), newName, newDescription,
					isPublic == null ? project.isPublic() : isPublic);
		}
		catch (DuplicateKeyException ex) {
			throw new IntegrityException("name", "A project named " + newName + " already exists.");
		}
		evictAll();
		audit(AuditEventType.PROJECT_UPDATED, caller, project.resource().label());
		return this.store.findProject(project.id()).orElseThrow();
	}

	/** Deletes a project that has no repositories, with its grants and tokens. */
	@Transactional
	public void delete(Caller caller, String key) {
		Project project = find(key);
		this.permissions.require(caller, project.resource(), ResourcePermission.PROJECT_ADMIN);
		if (!this.store.reposOf(project.id()).isEmpty()) {
			throw new IntegrityException("The project " + project.key()
					+ " cannot be deleted because it has repositories.");
		}
		this.events.publishEvent(new ResourceDeletedEvent(project.id(), List.of()));
		this.store.deleteProject(project.id());
		evictAll();
		audit(AuditEventType.PROJECT_DELETED, caller, project.resource().label());
	}

	@Transactional
	public Repo createRepo(Caller caller, String key, String name, Boolean isPublic) {
		Project project = find(key);
		this.permissions.require(caller, project.resource(), ResourcePermission.PROJECT_ADMIN);
		if (name == null || !REPO_NAME.matcher(name).matches()) {
			throw new ArgumentValidationException("name", "A repository name has 1 to 128 letters, digits, spaces, "
					+ "'.', '_' or '-', and starts with a letter or digit.");
		}
		String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-');
		try {
			long id = this.store.insertRepo(project.id(), slug, name, Boolean.TRUE.equals(isPublic),
					this.clock.millis());
			evictAll();
			Repo repo = this.store.findRepo(id).orElseThrow();
			audit(AuditEventType.REPOSITORY_CREATED, caller, repo.resource().label());
			return repo;
		}
		catch (DuplicateKeyException ex) {
			throw new IntegrityException("name", "The project " + project.key() + " already has a repository "
					+ "with the slug " + slug + ".");
		}
	}

	@Transactional(readOnly = true)
	public List<Repo> listRepos(Caller caller, String key, PageRequest page) {
		Project project = get(caller, key);
		return this.store.reposOf(project.id())
			.stream()
			.filter(repo -> this.permissions.has(caller, repo.resource(), ResourcePermission.REPO_READ))
			.skip(page.start())
			.limit(page.fetchSize())
			.toList();
	}

	@Transactional(readOnly = true)
	public Repo getRepo(Caller caller, String key, String slug) {
		Repo repo = findRepo(key, slug);
		this.permissions.require(caller, repo.resource(), ResourcePermission.REPO_READ);
		return repo;
	}

	/** Deletes a repository with its grants and tokens. */
	@Transactional
	public void deleteRepo(Caller caller, String key, String slug) {
		Repo repo = findRepo(key, slug);
		this.permissions.require(caller, repo.resource(), ResourcePermission.REPO_ADMIN);
		this.events.publishEvent(new ResourceDeletedEvent(null, List.of(repo.id())));
		this.store.deleteRepo(repo.id());
		evictAll();
		audit(AuditEventType.REPOSITORY_DELETED, caller, repo.resource().label());
	}

	/** The project with this key, whoever asks (for resolving paths before a permission check). */
	public Project find(String key) {
		return this.projectsByKey.get(key.toUpperCase(Locale.ROOT), this.store::findProject)
			.orElseThrow(() -> new NoSuchProjectException(key));
	}

	/** The repository at this path, whoever asks (for resolving paths before a permission check). */
	public Repo findRepo(String key, String slug) {
		find(key);
		String path = key.toUpperCase(Locale.ROOT) + "/" + slug.toLowerCase(Locale.ROOT);
		return this.reposByPath.get(path, ignored -> this.store.findRepo(key, slug))
			.orElseThrow(() -> new NoSuchRepositoryException(key, slug));
	}

	/** The project with this id, whoever asks (for notices about its tokens, and naming a token's owner). */
	public Optional<Project> findById(long id) {
		return this.store.findProject(id);
	}

	/** The repository with this id, whoever asks (for notices about its tokens, and naming a token's owner). */
	public Optional<Repo> findRepoById(long id) {
		return this.store.findRepo(id);
	}

	/**
	 * Holds the project's row locked until the transaction ends (serialises per-owner token
	 * limits). Returns false if the project does not exist (any more).
	 */
	@Transactional
	public boolean lockProject(long projectId) {
		return this.store.lock("project", projectId);
	}

	/** Holds the repository's row locked until the transaction ends; false if it does not exist (any more). */
	@Transactional
	public boolean lockRepo(long repositoryId) {
		return this.store.lock("repository", repositoryId);
	}

	private boolean canSee(Caller caller, Project project) {
		return this.permissions.has(caller, project.resource(), ResourcePermission.PROJECT_READ)
				|| this.store.reposOf(project.id())
					.stream()
					.anyMatch(repo -> this.permissions.has(caller, repo.resource(), ResourcePermission.REPO_READ));
	}

	private void audit(AuditEventType type, Caller caller, String target) {
		this.events.publishEvent(AuditEvent.success(type, caller.actor(), null, null, target));
	}

	private void evictAll() {
		this.caches.evictAll(PROJECTS_CACHE);
		this.permissions.invalidate();
	}

	private static String validKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new ArgumentValidationException("key", "A project key starts with a letter and has only letters, "
					+ "digits and underscores (at most 128).");
		}
		return key.toUpperCase(Locale.ROOT);
	}

	private static String text(String field, String value, int maxLength, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new ArgumentValidationException(field, field + " is required.");
			}
			return null;
		}
		if (value.length() > maxLength || VisibleText.hasHiddenCharacters(value)) {
			throw new ArgumentValidationException(field,
					field + " has at most " + maxLength + " characters and no control or invisible characters.");
		}
		return value;
	}

}
