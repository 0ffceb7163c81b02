package dev.tokenkeeper.server.permission.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.Resource;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.user.web.RestApplicationUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bitbucket's project and repository permission grants, for users and groups, in its
 * query-parameter style. Managing them needs PROJECT_ADMIN (resp. REPO_ADMIN), by password.
 */
@RestController
@RequestMapping({ "/rest/api/1.0/projects/{projectKey}", "/rest/api/latest/projects/{projectKey}" })
class PermissionRestController {

	private static final String PROJECT = "/permissions";

	private static final String REPOSITORY = "/repos/{repositorySlug}/permissions";

	private final PermissionService permissions;

	private final ProjectService projects;

	private final String baseUrl;

	PermissionRestController(PermissionService permissions, ProjectService projects,
			TokenkeeperProperties properties) {
		this.permissions = permissions;
		this.projects = projects;
		this.baseUrl = properties.baseUrlPrefix();
	}

	@PutMapping({ PROJECT + "/users", REPOSITORY + "/users" })
	ResponseEntity<Void> grantToUsers(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestParam(required = false) List<String> name,
			@RequestParam(required = false) String permission) {
		this.permissions.grantToUsers(caller, resource(projectKey, repositorySlug), name, permission);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping({ PROJECT + "/users", REPOSITORY + "/users" })
	ResponseEntity<Void> revokeFromUser(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestParam(required = false) String name) {
		this.permissions.revokeFromUser(caller, resource(projectKey, repositorySlug), name);
		return ResponseEntity.noContent().build();
	}

	@GetMapping({ PROJECT + "/users", REPOSITORY + "/users" })
	RestPage<RestUserGrant> userGrants(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestParam(required = false) String filter,
			PageRequest page) {
		return RestPage.of(page,
				this.permissions.userGrants(caller, resource(projectKey, repositorySlug), filter, page),
				grant -> new RestUserGrant(RestApplicationUser.of(grant.user(), this.baseUrl),
						grant.permission().name()));
	}

	@PutMapping({ PROJECT + "/groups", REPOSITORY + "/groups" })
	ResponseEntity<Void> grantToGroups(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestParam(required = false) List<String> name,
			@RequestParam(required = false) String permission) {
		this.permissions.grantToGroups(caller, resource(projectKey, repositorySlug), name, permission);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping({ PROJECT + "/groups", REPOSITORY + "/groups" })
	ResponseEntity<Void> revokeFromGroup(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestParam(required = false) String name) {
		this.permissions.revokeFromGroup(caller, resource(projectKey, repositorySlug), name);
		return ResponseEntity.noContent().build();
	}

	@GetMapping({ PROJECT + "/groups", REPOSITORY + "/groups" })
	RestPage<RestGroupGrant> groupGrants(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestParam(required = false) String filter,
			PageRequest page) {
		return RestPage.of(page,
				this.permissions.groupGrants(caller, resource(projectKey, repositorySlug), filter, page),
				grant -> new RestGroupGrant(new RestGroup(grant.group().name()), grant.permission().name()));
	}

	private Resource resource(String projectKey, String repositorySlug) {
		return repositorySlug == null ? this.projects.find(projectKey).resource()
				: this.projects.findRepo(projectKey, repositorySlug).resource();
	}

	@JsonPropertyOrder({ "user", "permission" })
	record RestUserGrant(RestApplicationUser user, String permission) {
	}

	@JsonPropertyOrder({ "group", "permission" })
	record RestGroupGrant(RestGroup group, String permission) {
	}

	record RestGroup(String name) {
	}

}
