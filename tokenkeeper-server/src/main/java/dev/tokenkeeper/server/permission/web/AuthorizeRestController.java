package dev.tokenkeeper.server.permission.web;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.Resource;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.NoSuchEntityException;
import dev.tokenkeeper.server.support.web.RestErrors;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A yes/no answer for other services that guard their own endpoints with Tokenkeeper's tokens
 * (nginx {@code auth_request}, Envoy {@code ext_authz}): 204 when the caller's credentials hold
 * the permission, 401 when they fail, 403 when they are valid but not enough (also for a project
 * or repository that does not exist, so that its existence does not leak). A warm answer needs
 * no database access.
 */
@RestController
@TokenkeeperExtension
class AuthorizeRestController {

	static final String USER_HEADER = "X-Tokenkeeper-User";

	static final String TOKEN_HEADER = "X-Tokenkeeper-Token-Id";

	private final PermissionService permissions;

	private final ProjectService projects;

	AuthorizeRestController(PermissionService permissions, ProjectService projects) {
		this.permissions = permissions;
		this.projects = projects;
	}

	@GetMapping("/rest/tokenkeeper/1.0/authorize")
	ResponseEntity<RestErrors> authorize(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String project, @RequestParam(required = false) String repository,
			@RequestParam(required = false) String permission) {
		ResourcePermission wanted = parse(permission, repository);
		if (project == null || project.isBlank()) {
			throw new ArgumentValidationException("project", "project is required.");
		}
		Resource resource;
		try {
			resource = repository == null ? this.projects.find(project).resource()
					: this.projects.findRepo(project, repository).resource();
		}
		catch (NoSuchEntityException ex) {
			return forbidden();
		}
		if (!this.permissions.has(caller, resource, wanted)) {
			return forbidden();
		}
		ResponseEntity.HeadersBuilder<?> allowed = ResponseEntity.noContent().header(USER_HEADER, caller.user().slug());
		if (caller.usedToken()) {
			allowed.header(TOKEN_HEADER, caller.tokenId());
		}
		return allowed.build();
	}

	private static ResourcePermission parse(String permission, String repository) {
		ResourcePermission parsed;
		try {
			parsed = ResourcePermission.valueOf(permission == null ? "" : permission);
		}
		catch (IllegalArgumentException ex) {
			throw new ArgumentValidationException("permission",
					"permission must be one of PROJECT_READ, PROJECT_WRITE, PROJECT_ADMIN, REPO_READ, REPO_WRITE, REPO_ADMIN.");
		}
		if ((parsed.scope() == ResourcePermission.Scope.REPOSITORY) != (repository != null)) {
			throw new ArgumentValidationException("permission",
					"Use a REPO_ permission with a repository, and a PROJECT_ permission without one.");
		}
		return parsed;
	}

	private static ResponseEntity<RestErrors> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.APPLICATION_JSON)
			.body(RestErrors.of(null, "The credentials do not hold this permission.", null));
	}

}
