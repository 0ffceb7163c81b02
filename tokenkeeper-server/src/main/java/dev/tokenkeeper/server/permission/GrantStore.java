package dev.tokenkeeper.server.permission;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tokenkeeper.server.support.LikePattern;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Permission grants to users and groups on projects and repositories, and group membership. */
@Repository
class GrantStore {

	/** The four grant tables: who (user or group) on what (project or repository). */
	enum Table {

		PROJECT_USER("project_user_grant", "project_id", "user_id"),
		PROJECT_GROUP("project_group_grant", "project_id", "group_id"),
		REPOSITORY_USER("repository_user_grant", "repository_id", "user_id"),
		REPOSITORY_GROUP("repository_group_grant", "repository_id", "group_id");

		final String name;

		final String resourceColumn;

		final String granteeColumn;

		Table(String name, String resourceColumn, String granteeColumn) {
			this.name = name;
			this.resourceColumn = resourceColumn;
			this.granteeColumn = granteeColumn;
		}

		static Table of(boolean repository, boolean group) {
			return repository ? (group ? REPOSITORY_GROUP : REPOSITORY_USER) : (group ? PROJECT_GROUP : PROJECT_USER);
		}

	}

	private final JdbcClient jdbc;

	GrantStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's grants on the resource, their own and through groups, strongest first. */
	Grants grantsOf(long userId, Resource resource) {
		int project = strongest(grantLevels(Table.PROJECT_USER, Table.PROJECT_GROUP, resource.projectId(), userId));
		int repository = resource.isRepository()
				? strongest(grantLevels(Table.REPOSITORY_USER, Table.REPOSITORY_GROUP, resource.repositoryId(), userId))
				: 0;
		return new Grants(project, repository);
	}

	private List<String> grantLevels(Table users, Table groups, long resourceId, long userId) {
		return this.jdbc.sql("SELECT permission FROM " + users.name + " WHERE " + users.resourceColumn
				+ " = :resource AND user_id = :user UNION ALL SELECT g.permission FROM " + groups.name
				+ " g JOIN group_member m ON m.group_id = g.group_id WHERE g." + groups.resourceColumn
				+ " = :resource AND m.user_id = :user")
			.param("resource", resourceId)
			.param("user", userId)
			.query(String.class)
			.list();
	}

	private static int strongest(List<String> permissions) {
		return permissions.stream().mapToInt(name -> ResourcePermission.valueOf(name).level()).max().orElse(0);
	}

	/** The ids of the users who administer the resource through a grant of their own or of a group. */
	List<Long> administrators(Resource resource) {
		String projectAdmins = """
				SELECT user_id FROM project_user_grant WHERE project_id = :project AND permission = 'PROJECT_ADMIN'
				UNION SELECT m.user_id FROM project_group_grant g JOIN group_member m ON m.group_id = g.group_id
				 WHERE g.project_id = :project AND g.permission = 'PROJECT_ADMIN'
				""";
		String repositoryAdmins = """
				UNION SELECT user_id FROM repository_user_grant WHERE repository_id = :repository AND permission = 'REPO_ADMIN'
				UNION SELECT m.user_id FROM repository_group_grant g JOIN group_member m ON m.group_id = g.group_id
				 WHERE g.repository_id = :repository AND g.permission = 'REPO_ADMIN'
				""";
		return this.jdbc.sql(projectAdmins + (resource.isRepository() ? repositoryAdmins : ""))
			.param("project", resource.projectId())
			.param("repository", resource.isRepository() ? resource.repositoryId() : 0)
			.query(Long.class)
			.list();
	}

	void grant(Table table, long resourceId, long granteeId, ResourcePermission permission) {
		int updated = this.jdbc
			.sql("UPDATE " + table.name + " SET permission = :permission WHERE " + table.resourceColumn
					+ " = :resource AND " + table.granteeColumn + " = :grantee")
			.param("permission", permission.name())
			.param("resource", resourceId)
			.param("grantee", granteeId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO " + table.name + " (" + table.resourceColumn + ", " + table.granteeColumn
						+ ", permission) VALUES (:resource, :grantee, :permission)")
				.param("permission", permission.name())
				.param("resource", resourceId)
				.param("grantee", granteeId)
				.update();
		}
	}

	void revoke(Table table, long resourceId, long granteeId) {
		this.jdbc
			.sql("DELETE FROM " + table.name + " WHERE " + table.resourceColumn + " = :resource AND "
					+ table.granteeColumn + " = :grantee")
			.param("resource", resourceId)
			.param("grantee", granteeId)
			.update();
	}

	/** Grantee ids and their permissions on one resource, ordered by grantee id. */
	List<Grant> grants(Table table, long resourceId) {
		return this.jdbc
			.sql("SELECT " + table.granteeColumn + ", permission FROM " + table.name + " WHERE "
					+ table.resourceColumn + " = :resource ORDER BY " + table.granteeColumn)
			.param("resource", resourceId)
			.query((rs, row) -> new Grant(rs.getLong(1), ResourcePermission.valueOf(rs.getString(2))))
			.list();
	}

	long insertGroup(String name) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO user_group (name, name_key) VALUES (:name, :key)")
			.param("name", name)
			.param("key", name.toLowerCase(Locale.ROOT))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Group> findGroup(String name) {
		return this.jdbc.sql("SELECT id, name FROM user_group WHERE name_key = :key")
			.param("key", name.toLowerCase(Locale.ROOT))
			.query((rs, row) -> new Group(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	Optional<Group> findGroup(long id) {
		return this.jdbc.sql("SELECT id, name FROM user_group WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Group(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	List<Group> findGroups(String filter, PageRequest page) {
		return this.jdbc.sql("""
				SELECT id, name FROM user_group WHERE name_key LIKE :pattern ESCAPE '\\'
				ORDER BY name_key LIMIT :limit OFFSET :offset
				""")
			.param("pattern", LikePattern.containing(filter))
			.param("limit", page.fetchSize())
			.param("offset", page.start())
			.query((rs, row) -> new Group(rs.getLong(1), rs.getString(2)))
			.list();
	}

	void deleteGroup(long id) {
		this.jdbc.sql("DELETE FROM user_group WHERE id = :id").param("id", id).update();
	}

	void addMember(long groupId, long userId) {
		boolean member = this.jdbc.sql("SELECT COUNT(*) FROM group_member WHERE group_id = :group AND user_id = :user")
			.param("group", groupId)
			.param("user", userId)
			.query(Long.class)
			.single() > 0;
		if (!member) {
			this.jdbc.sql("INSERT INTO group_member (group_id, user_id) VALUES (:group, :user)")
				.param("group", groupId)
				.param("user", userId)
				.update();
		}
	}

	void removeMember(long groupId, long userId) {
		this.jdbc.sql("DELETE FROM group_member WHERE group_id = :group AND user_id = :user")
			.param("group", groupId)
			.param("user", userId)
			.update();
	}

	/** One grant: a user's or group's id and its permission. */
	record Grant(long granteeId, ResourcePermission permission) {
	}

}
