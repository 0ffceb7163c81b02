package dev.tokenkeeper.server.permission;

import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: a token is never an administrator; ADMIN cannot manage SYS_ADMIN users or
 * grant SYS_ADMIN; the owner reads its tokens either way, creates them only by password; the
 * owner or an administrator who may manage the owner modifies them only by password.
 */
class AccessRulesTests {

	private static final User ALICE = user(1, "alice", GlobalPermission.LICENSED_USER);

	private static final User ROOT = user(2, "root", GlobalPermission.SYS_ADMIN);

	private static final User BOB = user(3, "bob", GlobalPermission.PROJECT_CREATE);

	private static final User ADMIN = user(4, "admin", GlobalPermission.ADMIN);

	private static final User SYSADMIN = user(5, "sysadmin", GlobalPermission.SYS_ADMIN);

	/** Whose tokens or account the rule is asked about. */
	enum Target {

		NORMAL_USER(ALICE), SYS_ADMIN_USER(ROOT);

		private final User user;

		Target(User user) {
			this.user = user;
		}

	}

	/** Who asks, relative to the target; "other" callers are never the target. */
	enum Who {

		OWNER_BY_PASSWORD, OWNER_BY_TOKEN, OTHER_LICENSED_USER, ADMIN_BY_PASSWORD, ADMIN_BY_TOKEN,
		SYS_ADMIN_BY_PASSWORD, SYS_ADMIN_BY_TOKEN;

		Caller of(User target) {
			return switch (this) {
				case OWNER_BY_PASSWORD -> Caller.password(target);
				case OWNER_BY_TOKEN -> Caller.token(target, "000000000001");
				case OTHER_LICENSED_USER -> Caller.password(BOB);
				case ADMIN_BY_PASSWORD -> Caller.password(ADMIN);
				case ADMIN_BY_TOKEN -> Caller.token(ADMIN, "000000000002");
				case SYS_ADMIN_BY_PASSWORD -> Caller.password(SYSADMIN);
				case SYS_ADMIN_BY_TOKEN -> Caller.token(SYSADMIN, "000000000003");
			};
		}

	}

	@ParameterizedTest(name = "{0} on {1}: admin={2} manage={3} read={4} create={5} modify={6}")
	@CsvSource(delimiter = '|', textBlock = """
			# who                 | target         | admin | manage | read  | create | modify
			OWNER_BY_PASSWORD     | NORMAL_USER    | false | false  | true  | true   | true
			OWNER_BY_TOKEN        | NORMAL_USER    | false | false  | true  | false  | false
			OTHER_LICENSED_USER   | NORMAL_USER    | false | false  | false | false  | false
			ADMIN_BY_PASSWORD     | NORMAL_USER    | true  | true   | true  | false  | true
			ADMIN_BY_TOKEN        | NORMAL_USER    | false | false  | false | false  | false
			SYS_ADMIN_BY_PASSWORD | NORMAL_USER    | true  | true   | true  | false  | true
			SYS_ADMIN_BY_TOKEN    | NORMAL_USER    | false | false  | false | false  | false
			OWNER_BY_PASSWORD     | SYS_ADMIN_USER | true  | true   | true  | true   | true
			OWNER_BY_TOKEN        | SYS_ADMIN_USER | false | false  | true  | false  | false
			OTHER_LICENSED_USER   | SYS_ADMIN_USER | false | false  | false | false  | false
			ADMIN_BY_PASSWORD     | SYS_ADMIN_USER | true  | false  | true  | false  | false
			ADMIN_BY_TOKEN        | SYS_ADMIN_USER | false | false  | false | false  | false
			SYS_ADMIN_BY_PASSWORD | SYS_ADMIN_USER | true  | true   | true  | false  | true
			SYS_ADMIN_BY_TOKEN    | SYS_ADMIN_USER | false | false  | false | false  | false
			""")
	void checkRulesWhenCallerActsOnTargetThenTableHolds(Who who, Target target, boolean admin, boolean manage,
			boolean read, boolean create, boolean modify) {
		Caller caller = who.of(target.user);

		assertThat(AccessRules.isAdmin(caller)).as("isAdmin").isEqualTo(admin);
		assertThat(AccessRules.canManageUser(caller, target.user)).as("canManageUser").isEqualTo(manage);
		assertThat(AccessRules.canReadUserTokens(caller, target.user)).as("canReadUserTokens").isEqualTo(read);
		assertThat(AccessRules.canCreateUserToken(caller, target.user)).as("canCreateUserToken").isEqualTo(create);
		assertThat(AccessRules.canModifyUserTokens(caller, target.user)).as("canModifyUserTokens")
			.isEqualTo(modify);
	}

	@ParameterizedTest(name = "{0}: LICENSED_USER={1} PROJECT_CREATE={2} ADMIN={3} SYS_ADMIN={4}")
	@CsvSource(delimiter = '|', textBlock = """
			# who                 | LICENSED_USER | PROJECT_CREATE | ADMIN | SYS_ADMIN
			OWNER_BY_PASSWORD     | false         | false          | false | false
			OWNER_BY_TOKEN        | false         | false          | false | false
			OTHER_LICENSED_USER   | false         | false          | false | false
			ADMIN_BY_PASSWORD     | true          | true           | true  | false
			ADMIN_BY_TOKEN        | false         | false          | false | false
			SYS_ADMIN_BY_PASSWORD | true          | true           | true  | true
			SYS_ADMIN_BY_TOKEN    | false         | false          | false | false
			""")
	void canGrantWhenCallerGrantsEachGlobalPermissionThenTableHolds(Who who, boolean licensedUser,
			boolean projectCreate, boolean admin, boolean sysAdmin) {
		Caller caller = who.of(ALICE);

		assertThat(AccessRules.canGrant(caller, GlobalPermission.LICENSED_USER)).as("LICENSED_USER")
			.isEqualTo(licensedUser);
		assertThat(AccessRules.canGrant(caller, GlobalPermission.PROJECT_CREATE)).as("PROJECT_CREATE")
			.isEqualTo(projectCreate);
		assertThat(AccessRules.canGrant(caller, GlobalPermission.ADMIN)).as("ADMIN").isEqualTo(admin);
		assertThat(AccessRules.canGrant(caller, GlobalPermission.SYS_ADMIN)).as("SYS_ADMIN").isEqualTo(sysAdmin);
	}

	@Test
	void isSysAdminWhenAdminOrTokenThenFalseAndWhenSysAdminByPasswordThenTrue() {
		assertThat(AccessRules.isSysAdmin(Caller.password(SYSADMIN))).isTrue();
		assertThat(AccessRules.isSysAdmin(Caller.token(SYSADMIN, "000000000003"))).isFalse();
		assertThat(AccessRules.isSysAdmin(Caller.password(ADMIN))).isFalse();
	}

	@Test
	void checkRulesWhenCallerHasNoGlobalPermissionThenNothingAdministrativeAndNoFailure() {
		User unlicensed = user(6, "unlicensed", null);
		Caller caller = Caller.password(unlicensed);

		assertThat(AccessRules.isAdmin(caller)).isFalse();
		assertThat(AccessRules.canManageUser(caller, ALICE)).isFalse();
		assertThat(AccessRules.canGrant(caller, GlobalPermission.LICENSED_USER)).isFalse();
		assertThat(AccessRules.canReadUserTokens(caller, ALICE)).isFalse();
		assertThat(AccessRules.canManageUser(Caller.password(ADMIN), unlicensed)).isTrue();
	}

	@Test
	void checkRulesWhenTargetIsAnotherRecordWithTheSameIdThenCallerIsTheOwner() {
		User renamed = new User(ALICE.id(), "alice2", "alice2", "Alice", "alice@example.com", true, UserType.NORMAL,
				GlobalPermission.LICENSED_USER, null);

		assertThat(AccessRules.canCreateUserToken(Caller.password(ALICE), renamed)).isTrue();
		assertThat(AccessRules.canCreateUserToken(Caller.password(BOB), renamed)).isFalse();
	}

	private static User user(long id, String name, GlobalPermission permission) {
		return new User(id, name, name, name.toUpperCase(), name + "@example.com", true, UserType.NORMAL, permission,
				"{noop}secret");
	}

}
