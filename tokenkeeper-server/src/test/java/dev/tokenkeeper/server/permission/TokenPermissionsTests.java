package dev.tokenkeeper.server.permission;

import java.util.Arrays;
import java.util.List;

import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract's "Permissions" table: a repository and a project permission, the repository
 * one at least as strong; never a global permission.
 */
class TokenPermissionsTests {

	@ParameterizedTest(name = "{0} + {1} valid={2}")
	@CsvSource(delimiter = '|', textBlock = """
			REPO_READ  | PROJECT_READ  | true
			REPO_READ  | PROJECT_WRITE | false
			REPO_READ  | PROJECT_ADMIN | false
			REPO_WRITE | PROJECT_READ  | true
			REPO_WRITE | PROJECT_WRITE | true
			REPO_WRITE | PROJECT_ADMIN | false
			REPO_ADMIN | PROJECT_READ  | true
			REPO_ADMIN | PROJECT_WRITE | true
			REPO_ADMIN | PROJECT_ADMIN | true
			""")
	void parseWhenRepositoryAndProjectPermissionGivenThenOnlyTheSixValidPairsAreAccepted(String repository,
			String project, boolean valid) {
		for (List<String> names : List.of(List.of(repository, project), List.of(project, repository))) {
			if (valid) {
				TokenPermissions permissions = TokenPermissions.parse(names);
				assertThat(permissions.repository()).isEqualTo(ResourcePermission.valueOf(repository));
				assertThat(permissions.project()).isEqualTo(ResourcePermission.valueOf(project));
				assertThat(permissions.names()).containsExactly(repository, project);
			}
			else {
				assertThatExceptionOfType(ArgumentValidationException.class)
					.isThrownBy(() -> TokenPermissions.parse(names))
					.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"))
					.withMessageContaining(repository)
					.withMessageContaining(project);
			}
		}
	}

	@ParameterizedTest(name = "{0} -> {1} + {2}")
	@CsvSource(delimiter = '|', textBlock = """
			REPO_READ     | REPO_READ  | PROJECT_READ
			REPO_WRITE    | REPO_WRITE | PROJECT_READ
			REPO_ADMIN    | REPO_ADMIN | PROJECT_READ
			PROJECT_READ  | REPO_READ  | PROJECT_READ
			PROJECT_WRITE | REPO_WRITE | PROJECT_WRITE
			PROJECT_ADMIN | REPO_ADMIN | PROJECT_ADMIN
			""")
	void parseWhenOnlyOnePermissionGivenThenTheOtherIsCompleted(String given, String repository, String project) {
		TokenPermissions permissions = TokenPermissions.parse(List.of(given));

		assertThat(permissions.names()).containsExactly(repository, project);
	}

	@Test
	void parseWhenTheSameValueIsRepeatedThenTreatedAsOne() {
		assertThat(TokenPermissions.parse(List.of("REPO_WRITE", "REPO_WRITE")).names())
			.containsExactly("REPO_WRITE", "PROJECT_READ");
		assertThat(TokenPermissions.parse(List.of("PROJECT_WRITE", "REPO_ADMIN", "PROJECT_WRITE")).names())
			.containsExactly("REPO_ADMIN", "PROJECT_WRITE");
	}

	@Test
	void parseWhenTwoRepositoryPermissionsThenValidationError() {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(List.of("REPO_READ", "REPO_ADMIN", "PROJECT_READ")))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"));
	}

	@Test
	void parseWhenTwoProjectPermissionsThenValidationError() {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(List.of("PROJECT_READ", "PROJECT_WRITE")))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "SYS_ADMIN", "LICENSED_USER", "PROJECT_CREATE" })
	void parseWhenGlobalPermissionAskedThenValidationErrorSaysTokensMayNotHaveIt(String global) {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(List.of("REPO_READ", global)))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"))
			.withMessageContaining("tokens may not have")
			.withMessageContaining(global);
	}

	@ParameterizedTest
	@ValueSource(strings = { "REPO_DELETE", "repo_read", "Project_Read", "", " REPO_READ", "READ" })
	void parseWhenNameIsUnknownThenValidationError(String unknown) {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(List.of(unknown)))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"))
			.withMessageContaining("Unknown permission");
	}

	@Test
	void parseWhenUnknownNameIsVeryLongThenMessageIsAbbreviated() {
		String name = "X".repeat(10_000);

		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(List.of(name)))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(100));
	}

	@Test
	void parseWhenAnElementIsNullThenValidationError() {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(Arrays.asList("REPO_READ", null)))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"));
	}

	@Test
	void parseWhenListIsNullOrEmptyThenValidationError() {
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> TokenPermissions.parse(null))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"));
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> TokenPermissions.parse(List.of()))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("permissions"));
	}

	@Test
	void constructWhenScopesAreSwappedThenRejected() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> new TokenPermissions(ResourcePermission.PROJECT_READ, ResourcePermission.REPO_READ));
	}

}
