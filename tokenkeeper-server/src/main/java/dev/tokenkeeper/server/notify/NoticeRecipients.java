package dev.tokenkeeper.server.notify;

import java.util.List;
import java.util.Objects;

import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.project.Project;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.project.Repo;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.TokenOwner;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UsersById;
import org.springframework.stereotype.Component;

/** Who a token belongs to and who should hear about it: its user, or its project's or repository's admins. */
@Component
class NoticeRecipients {

	private final UsersById users;

	private final ProjectService projects;

	private final PermissionService permissions;

	NoticeRecipients(UsersById users, ProjectService projects, PermissionService permissions) {
		this.users = users;
		this.projects = projects;
		this.permissions = permissions;
	}

	Owner owner(AccessToken token) {
		TokenOwner owner = token.owner();
		return switch (owner.type()) {
			case USER -> {
				User user = this.users.find(owner.id()).orElseThrow();
				yield new Owner("user " + user.name(), "/users/" + user.slug(), "", emails(List.of(user)));
			}
			case PROJECT -> {
				Project project = this.projects.findById(owner.id()).orElseThrow();
				yield new Owner(project.resource().label(), "/projects/" + project.key(), " --project " + project.key(),
						emails(this.permissions.administrators(project.resource())));
			}
			case REPOSITORY -> {
				Repo repo = this.projects.findRepoById(owner.id()).orElseThrow();
				String key = repo.project().key();
				yield new Owner(repo.resource().label(), "/projects/" + key + "/repos/" + repo.slug(),
						" --project " + key + " --repo " + repo.slug(),
						emails(this.permissions.administrators(repo.resource())));
			}
		};
	}

	private static List<String> emails(List<User> users) {
		return users.stream().map(User::emailAddress).filter(Objects::nonNull).distinct().toList();
	}

	/** A token's owner: how to name it, its path under the REST API, its {@code tk} options, who to tell. */
	record Owner(String label, String path, String tkOptions, List<String> emailAddresses) {
	}

}
