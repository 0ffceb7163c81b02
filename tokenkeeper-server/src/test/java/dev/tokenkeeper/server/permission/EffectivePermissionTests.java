package dev.tokenkeeper.server.permission;

import dev.tokenkeeper.server.permission.Caller.TokenUse;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective-permission table. Project 10 has repositories 100 (the one asked about) and 101;
 * project 20 has repository 200. The user's grants arrive as {@link Grants}: the strongest of their
 * own and their groups' grants (group rows below differ from user rows only in where the grant
 * came from, which the store has already merged). Levels: 0 none, 1 read, 2 write, 3 admin.
 */
class EffectivePermissionTests {

	private static final long PROJECT = 10;

	private static final long OTHER_PROJECT = 20;

	private static final long REPOSITORY = 100;

	private static final long SIBLING_REPOSITORY = 101;

	private static final long OTHER_PROJECTS_REPOSITORY = 200;

	/** What the permission is asked about. */
	enum On {

		/** Project 10. */
		PROJECT,
		/** Repository 100 of project 10. */
		REPO;

		Resource resource(boolean projectPublic, boolean repoPublic) {
			return this == PROJECT ? Resource.project(EffectivePermissionTests.PROJECT, projectPublic, "PRJ")
					: Resource.repository(EffectivePermissionTests.PROJECT, projectPublic, REPOSITORY, repoPublic,
						"PRJ/repo");
		}

	}

	/** How the caller authenticated, and for a token whom it belongs to. */
	enum Auth {

		PASSWORD, PERSONAL_TOKEN,
		/** A token of project 10. */
		PROJECT_TOKEN,
		/** A token of project 20. */
		OTHER_PROJECT_TOKEN,
		/** A token of repository 100. */
		REPO_TOKEN,
		/** A token of repository 101, beside 100 in project 10. */
		SIBLING_REPO_TOKEN,
		/** A token of repository 200 in project 20. */
		OTHER_PROJECT_REPO_TOKEN;

		Caller caller(User user, TokenPermissions permissions) {
			TokenReach reach = switch (this) {
				case PASSWORD -> null;
				case PERSONAL_TOKEN -> TokenReach.personal(permissions);
				case PROJECT_TOKEN -> new TokenReach(permissions, PROJECT, null);
				case OTHER_PROJECT_TOKEN -> new TokenReach(permissions, OTHER_PROJECT, null);
				case REPO_TOKEN -> new TokenReach(permissions, null, REPOSITORY);
				case SIBLING_REPO_TOKEN -> new TokenReach(permissions, null, SIBLING_REPOSITORY);
				case OTHER_PROJECT_REPO_TOKEN -> new TokenReach(permissions, null, OTHER_PROJECTS_REPOSITORY);
			};
			return reach == null ? Caller.password(user)
					: Caller.token(user, new TokenUse("000000000042", null, false, reach));
		}

	}

	@ParameterizedTest(name = "[{index}] {0}: {1} {2}/{3} pub={4}/{5} on {6} via {7} ({8},{9}) -> {10}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# case                                  | global         | pGrant | rGrant | pPub  | rPub  | on      | auth                     | tokenRepo  | tokenProject  | level
			# global administrators hold everything, on projects and repositories, with or without grants
			sys admin on project                    | SYS_ADMIN      | 0      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 3
			sys admin on repository                 | SYS_ADMIN      | 0      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			admin on project                        | ADMIN          | 0      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 3
			admin on repository                     | ADMIN          | 0      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			project creator is no admin             | PROJECT_CREATE | 0      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 0
			licensed user without grants            | LICENSED_USER  | 0      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 0
			licensed user without grants on repo    | LICENSED_USER  | 0      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 0
			# a project grant applies to the project and its repositories
			project read on project                 | LICENSED_USER  | 1      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 1
			project write on project                | LICENSED_USER  | 2      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 2
			project admin on project                | LICENSED_USER  | 3      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 3
			project read on repository              | LICENSED_USER  | 1      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 1
			project write on repository             | LICENSED_USER  | 2      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 2
			project admin on repository             | LICENSED_USER  | 3      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			# a repository grant applies to that repository only, never to the project
			repo read on repository                 | LICENSED_USER  | 0      | 1      | false | false | REPO    | PASSWORD                 | -          | -             | 1
			repo write on repository                | LICENSED_USER  | 0      | 2      | false | false | REPO    | PASSWORD                 | -          | -             | 2
			repo admin on repository                | LICENSED_USER  | 0      | 3      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			repo admin does not reach the project   | LICENSED_USER  | 0      | 3      | false | false | PROJECT | PASSWORD                 | -          | -             | 0
			# the stronger of project and repository grant wins
			repo grant above project grant          | LICENSED_USER  | 1      | 3      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			project grant above repo grant          | LICENSED_USER  | 3      | 1      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			project write and repo read             | LICENSED_USER  | 2      | 1      | false | false | REPO    | PASSWORD                 | -          | -             | 2
			# group grants (merged into the same levels) count like those of the user
			group project write on repository       | PROJECT_CREATE | 2      | 0      | false | false | REPO    | PASSWORD                 | -          | -             | 2
			group repo admin on repository          | LICENSED_USER  | 0      | 3      | false | false | REPO    | PASSWORD                 | -          | -             | 3
			# public resources are readable by every licensed user, and no more
			public project                          | LICENSED_USER  | 0      | 0      | true  | false | PROJECT | PASSWORD                 | -          | -             | 1
			public project makes repos public       | LICENSED_USER  | 0      | 0      | true  | false | REPO    | PASSWORD                 | -          | -             | 1
			public repository                       | LICENSED_USER  | 0      | 0      | false | true  | REPO    | PASSWORD                 | -          | -             | 1
			public repo does not open its project   | LICENSED_USER  | 0      | 0      | false | true  | PROJECT | PASSWORD                 | -          | -             | 0
			public project with a write grant       | LICENSED_USER  | 2      | 0      | true  | false | REPO    | PASSWORD                 | -          | -             | 2
			public repository with an admin grant   | LICENSED_USER  | 0      | 3      | false | true  | REPO    | PASSWORD                 | -          | -             | 3
			# an unlicensed user holds nothing: not their grants, not public read
			unlicensed with project admin           | -              | 3      | 0      | false | false | PROJECT | PASSWORD                 | -          | -             | 0
			unlicensed with repo admin              | -              | 0      | 3      | false | false | REPO    | PASSWORD                 | -          | -             | 0
			unlicensed on public project            | -              | 0      | 0      | true  | true  | REPO    | PASSWORD                 | -          | -             | 0
			unlicensed with a personal token        | -              | 3      | 3      | true  | true  | REPO    | PERSONAL_TOKEN           | REPO_ADMIN | PROJECT_ADMIN | 0
			# a personal token: the lower of its own permission and the current one of its owner
			token below owner on repository         | LICENSED_USER  | 3      | 0      | false | false | REPO    | PERSONAL_TOKEN           | REPO_WRITE | PROJECT_READ  | 2
			token below owner on project            | LICENSED_USER  | 3      | 0      | false | false | PROJECT | PERSONAL_TOKEN           | REPO_WRITE | PROJECT_READ  | 1
			owner below token on repository         | LICENSED_USER  | 1      | 0      | false | false | REPO    | PERSONAL_TOKEN           | REPO_ADMIN | PROJECT_ADMIN | 1
			owner below token on project            | LICENSED_USER  | 2      | 0      | false | false | PROJECT | PERSONAL_TOKEN           | REPO_ADMIN | PROJECT_ADMIN | 2
			owner with repo grant only              | LICENSED_USER  | 0      | 2      | false | false | REPO    | PERSONAL_TOKEN           | REPO_ADMIN | PROJECT_ADMIN | 2
			owner without grants                    | LICENSED_USER  | 0      | 0      | false | false | REPO    | PERSONAL_TOKEN           | REPO_ADMIN | PROJECT_ADMIN | 0
			owner reads public repo with token      | LICENSED_USER  | 0      | 0      | false | true  | REPO    | PERSONAL_TOKEN           | REPO_READ  | PROJECT_READ  | 1
			admin owner capped by token             | ADMIN          | 0      | 0      | false | false | REPO    | PERSONAL_TOKEN           | REPO_WRITE | PROJECT_WRITE | 2
			sys admin owner capped by token project | SYS_ADMIN      | 0      | 0      | false | false | PROJECT | PERSONAL_TOKEN           | REPO_ADMIN | PROJECT_READ  | 1
			equal levels                            | LICENSED_USER  | 2      | 0      | false | false | REPO    | PERSONAL_TOKEN           | REPO_WRITE | PROJECT_WRITE | 2
			# a project token: its own permission inside its project, nothing elsewhere, whatever its user holds
			project token on its project            | LICENSED_USER  | 0      | 0      | false | false | PROJECT | PROJECT_TOKEN            | REPO_ADMIN | PROJECT_WRITE | 2
			project token on its repository         | LICENSED_USER  | 0      | 0      | false | false | REPO    | PROJECT_TOKEN            | REPO_ADMIN | PROJECT_WRITE | 3
			project token read pair on repository   | LICENSED_USER  | 0      | 0      | false | false | REPO    | PROJECT_TOKEN            | REPO_READ  | PROJECT_READ  | 1
			project token of another project        | LICENSED_USER  | 0      | 0      | false | false | PROJECT | OTHER_PROJECT_TOKEN      | REPO_ADMIN | PROJECT_ADMIN | 0
			project token of another project, repo  | LICENSED_USER  | 0      | 0      | false | false | REPO    | OTHER_PROJECT_TOKEN      | REPO_ADMIN | PROJECT_ADMIN | 0
			project token of another, public repo   | LICENSED_USER  | 0      | 0      | true  | true  | REPO    | OTHER_PROJECT_TOKEN      | REPO_ADMIN | PROJECT_ADMIN | 0
			project token ignores user grants      | LICENSED_USER  | 3      | 3      | false | false | REPO    | OTHER_PROJECT_TOKEN      | REPO_ADMIN | PROJECT_ADMIN | 0
			# a repository token: its own permission on its repository, nothing elsewhere (not even its project)
			repo token on its repository            | LICENSED_USER  | 0      | 0      | false | false | REPO    | REPO_TOKEN               | REPO_WRITE | PROJECT_READ  | 2
			repo token admin on its repository      | LICENSED_USER  | 0      | 0      | false | false | REPO    | REPO_TOKEN               | REPO_ADMIN | PROJECT_ADMIN | 3
			repo token on its project               | LICENSED_USER  | 0      | 0      | false | false | PROJECT | REPO_TOKEN               | REPO_ADMIN | PROJECT_ADMIN | 0
			repo token on a sibling repository      | LICENSED_USER  | 0      | 0      | false | false | REPO    | SIBLING_REPO_TOKEN       | REPO_ADMIN | PROJECT_ADMIN | 0
			repo token on a public sibling          | LICENSED_USER  | 0      | 0      | true  | true  | REPO    | SIBLING_REPO_TOKEN       | REPO_READ  | PROJECT_READ  | 0
			repo token of another project           | LICENSED_USER  | 0      | 0      | false | false | REPO    | OTHER_PROJECT_REPO_TOKEN | REPO_ADMIN | PROJECT_ADMIN | 0
			""")
	void levelWhenCallerAndGrantsAreGivenThenTableHolds(String description, GlobalPermission global,
			int projectGrant, int repoGrant, boolean projectPublic, boolean repoPublic, On on, Auth auth,
			ResourcePermission tokenRepo, ResourcePermission tokenProject, int expected) {
		User user = new User(7, "someone", "someone", "Someone", "someone@example.com", true, UserType.NORMAL, global,
				null);
		TokenPermissions permissions = (tokenRepo == null) ? null : new TokenPermissions(tokenRepo, tokenProject);
		Caller caller = auth.caller(user, permissions);

		int level = EffectivePermission.level(caller, new Grants(projectGrant, repoGrant),
				on.resource(projectPublic, repoPublic));

		assertThat(level).as(description).isEqualTo(expected);
	}

	@ParameterizedTest(name = "level {0} satisfies {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0 | REPO_READ     | false
			1 | REPO_READ     | true
			1 | REPO_WRITE    | false
			2 | REPO_WRITE    | true
			2 | REPO_ADMIN    | false
			3 | REPO_ADMIN    | true
			3 | REPO_READ     | true
			0 | PROJECT_READ  | false
			1 | PROJECT_READ  | true
			2 | PROJECT_ADMIN | false
			3 | PROJECT_ADMIN | true
			""")
	void satisfiesWhenLevelMeetsOrMissesThePermissionThenTableHolds(int level, ResourcePermission permission,
			boolean expected) {
		assertThat(EffectivePermission.satisfies(level, permission)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} via {1}")
	@CsvSource(delimiter = '|', textBlock = """
			PROJECT | PASSWORD
			REPO    | PASSWORD
			PROJECT | PERSONAL_TOKEN
			REPO    | PERSONAL_TOKEN
			""")
	void levelWhenNoGrantsAndPrivateThenNothingForAnyLicensedUser(On on, Auth auth) {
		User user = new User(8, "nobody", "nobody", "Nobody", "nobody@example.com", true, UserType.NORMAL,
				GlobalPermission.LICENSED_USER, null);
		Caller caller = auth.caller(user,
				new TokenPermissions(ResourcePermission.REPO_ADMIN, ResourcePermission.PROJECT_ADMIN));

		assertThat(EffectivePermission.level(caller, Grants.NONE, on.resource(false, false))).isZero();
	}

}
