package dev.tokenkeeper.server.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProjectStore {

	private static final String PROJECT_COLUMNS = "p.id, p.project_key, p.name, p.description, p.is_public";

	private static final RowMapper<Project> PROJECT = (rs, row) -> project(rs);

	private static final RowMapper<Repo> REPO = (rs, row) -> new Repo(rs.getLong("r_id"), project(rs),
			rs.getString("r_slug"), rs.getString("r_name"), rs.getBoolean("r_public"));

	private static final String REPO_SELECT = "SELECT " + PROJECT_COLUMNS
			+ ", r.id AS r_id, r.slug AS r_slug, r.name AS r_name, r.is_public AS r_public"
			+ " FROM repository r JOIN project p ON p.id = r.project_id ";

	private final JdbcClient jdbc;

	ProjectStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertProject(String key, String name, String description, boolean isPublic, long now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO project (project_key, name, name_key, description, is_public, created_date)
				VALUES (:key, :name, :nameKey, :description, :public, :now)
				""")
			.param("key", key)
			.param("name", name)
			.param("nameKey", name.toLowerCase(Locale.ROOT))
			.param("description", description)
			.param("public", isPublic)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Project> findProject(String key) {
		return this.jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM project p WHERE p.project_key = :key")
			.param("key", key.toUpperCase(Locale.ROOT))
			.query(PROJECT)
			.optional();
	}

	boolean projectNameTaken(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM project WHERE name_key = :nameKey")
			.param("nameKey", name.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single() > 0;
	}

	/** Every project, ordered by key (visibility is decided by the caller). */
	List<Project> allProjects() {
		return this.jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM project p ORDER BY p.project_key")
			.query(PROJECT)
			.list();
	}

	void updateProject(long id, String name, String description, boolean isPublic) {
		this.jdbc.sql("""
				UPDATE project SET name = :name, name_key = :nameKey, description = :description, is_public = :public
				 WHERE id = :id
				""")
			.param("name", name)
			.param("nameKey", name.toLowerCase(Locale.ROOT))
			.param("description", description)
			.param("public", isPublic)
			.param("id", id)
			.update();
	}

	void deleteProject(long id) {
		this.jdbc.sql("DELETE FROM project WHERE id = :id").param("id", id).update();
	}

	long insertRepo(long projectId, String slug, String name, boolean isPublic, long now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO repository (project_id, slug, name, is_public, created_date)
				VALUES (:project, :slug, :name, :public, :now)
				""")
			.param("project", projectId)
			.param("slug", slug)
			.param("name", name)
			.param("public", isPublic)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Repo> findRepo(String projectKey, String slug) {
		return this.jdbc.sql(REPO_SELECT + "WHERE p.project_key = :key AND r.slug = :slug")
			.param("key", projectKey.toUpperCase(Locale.ROOT))
			.param("slug", slug.toLowerCase(Locale.ROOT))
			.query(REPO)
			.optional();
	}

	Optional<Repo> findRepo(long id) {
		return this.jdbc.sql(REPO_SELECT + "WHERE r.id = :id").param("id", id).query(REPO).optional();
	}

	Optional<Project> findProject(long id) {
		return this.jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM project p WHERE p.id = :id")
			.param("id", id)
			.query(PROJECT)
			.optional();
	}

	/** A project's repositories, ordered by slug. */
	List<Repo> reposOf(long projectId) {
		return this.jdbc.sql(REPO_SELECT + "WHERE r.project_id = :project ORDER BY r.slug")
			.param("project", projectId)
			.query(REPO)
			.list();
	}

	void deleteRepo(long id) {
		this.jdbc.sql("DELETE FROM repository WHERE id = :id").param("id", id).update();
	}

	/**
	 * Locks the project's or repository's row until the transaction ends (serialises per-owner
	 * limits). Returns false if there is no such row (any more).
	 */
	boolean lock(String table, long id) {
		return this.jdbc.sql("SELECT id FROM " + table + " WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	private static Project project(ResultSet rs) throws SQLException {
		return new Project(rs.getLong("id"), rs.getString("project_key"), rs.getString("name"),
				rs.getString("description"), rs.getBoolean("is_public"));
	}

}
