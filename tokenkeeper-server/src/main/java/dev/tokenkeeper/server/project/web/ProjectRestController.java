package dev.tokenkeeper.server.project.web;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bitbucket's projects and repositories: {@code /rest/api/1.0/projects[/{projectKey}[/repos[/{slug}]]]}. */
@RestController
@RequestMapping({ "/rest/api/1.0/projects", "/rest/api/latest/projects" })
class ProjectRestController {

	private final ProjectService projects;

	private final String baseUrl;

	ProjectRestController(ProjectService projects, TokenkeeperProperties properties) {
		this.projects = projects;
		this.baseUrl = properties.baseUrlPrefix();
	}

	@PostMapping
	ResponseEntity<RestProject> create(@AuthenticationPrincipal Caller caller, @RequestBody ProjectRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RestProject.of(this.projects.create(caller, body.key(), body.name(), body.description(),
					body.isPublic()), this.baseUrl));
	}

	@GetMapping
	RestPage<RestProject> list(@AuthenticationPrincipal Caller caller, PageRequest page) {
		return RestPage.of(page, this.projects.list(caller, page), project -> RestProject.of(project, this.baseUrl));
	}

	@GetMapping("/{projectKey}")
	RestProject get(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey) {
		return RestProject.of(this.projects.get(caller, projectKey), this.baseUrl);
	}

	/** Bitbucket answers an update with 201 and the updated project. */
	@PutMapping("/{projectKey}")
	ResponseEntity<RestProject> update(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@RequestBody ProjectRequest body) {
		if (body.key() != null && !body.key().equalsIgnoreCase(projectKey)) {
			throw new ArgumentValidationException("key", "A project's key cannot be changed here.");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RestProject.of(this.projects.update(caller, projectKey, body.name(), body.description(),
					body.isPublic()), this.baseUrl));
	}

	@DeleteMapping("/{projectKey}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey) {
		this.projects.delete(caller, projectKey);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{projectKey}/repos")
	ResponseEntity<RestRepository> createRepo(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@RequestBody RepositoryRequest body) {
		if (body.scmId() != null && !body.scmId().equals("git")) {
			throw new ArgumentValidationException("scmId", "Only git repositories are supported.");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RestRepository.of(this.projects.createRepo(caller, projectKey, body.name(), body.isPublic()),
					this.baseUrl));
	}

	@GetMapping("/{projectKey}/repos")
	RestPage<RestRepository> listRepos(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			PageRequest page) {
		return RestPage.of(page, this.projects.listRepos(caller, projectKey, page),
				repo -> RestRepository.of(repo, this.baseUrl));
	}

	@GetMapping("/{projectKey}/repos/{repositorySlug}")
	RestRepository getRepo(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable String repositorySlug) {
		return RestRepository.of(this.projects.getRepo(caller, projectKey, repositorySlug), this.baseUrl);
	}

	/** Bitbucket schedules a repository's deletion and answers 202. */
	@DeleteMapping("/{projectKey}/repos/{repositorySlug}")
	ResponseEntity<Void> deleteRepo(@AuthenticationPrincipal Caller caller, @PathVariable String projectKey,
			@PathVariable String repositorySlug) {
		this.projects.deleteRepo(caller, projectKey, repositorySlug);
		return ResponseEntity.accepted().build();
	}

	record ProjectRequest(String key, String name, String description, @JsonProperty("public") Boolean isPublic) {
	}

	record RepositoryRequest(String name, String scmId, @JsonProperty("public") Boolean isPublic) {
	}

}
