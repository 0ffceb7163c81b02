package dev.tokenkeeper.server.project.web;

import java.util.List;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.project.Project;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The projects and repositories the user can see, with a way to their tokens where the user administers them. */
@Controller
class ProjectPageController implements PageController {

	private static final int PAGE_SIZE = 50;

	private final ProjectService projects;

	private final PermissionService permissions;

	ProjectPageController(ProjectService projects, PermissionService permissions) {
		this.projects = projects;
		this.permissions = permissions;
	}

	@GetMapping("/projects")
	String projects(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int start, Model model) {
		PageRequest page = new PageRequest(Math.max(0, start), PAGE_SIZE);
		List<Project> found = this.projects.list(caller, page);
		model.addAttribute("projects", found.stream().limit(PAGE_SIZE).map(project -> row(caller, project)).toList());
		model.addAttribute("previousStart", page.start() == 0 ? null : Math.max(0, page.start() - PAGE_SIZE));
		model.addAttribute("nextStart", found.size() > PAGE_SIZE ? page.start() + PAGE_SIZE : null);
		return "project/projects";
	}

	private ProjectRow row(Caller caller, Project project) {
		List<RepoRow> repos = this.projects.listRepos(caller, project.key(), new PageRequest(0, PageRequest.MAX_LIMIT))
			.stream()
			.map(repo -> new RepoRow(repo.slug(), repo.name(),
					this.permissions.has(caller, repo.resource(), ResourcePermission.REPO_ADMIN)
							? "/projects/" + project.key() + "/repos/" + repo.slug() + "/tokens" : null))
			.toList();
		return new ProjectRow(project.key(), project.name(), project.description(),
				this.permissions.has(caller, project.resource(), ResourcePermission.PROJECT_ADMIN)
						? "/projects/" + project.key() + "/tokens" : null,
				repos);
	}

	/** A project as listed; {@code tokensPath} only for its admins. */
	public record ProjectRow(String key, String name, String description, String tokensPath, List<RepoRow> repos) {
	}

	/** A repository as listed; {@code tokensPath} only for its admins. */
	public record RepoRow(String slug, String name, String tokensPath) {
	}

}
