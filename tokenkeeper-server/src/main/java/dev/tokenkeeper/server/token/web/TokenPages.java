package dev.tokenkeeper.server.token.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.project.Project;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.project.Repo;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.AccessTokenService;
import dev.tokenkeeper.server.token.ResourceOwnerScope;
import dev.tokenkeeper.server.token.TokenPolicy;
import dev.tokenkeeper.server.token.TokenPolicyService;
import dev.tokenkeeper.server.token.TokenQuery;
import dev.tokenkeeper.server.token.TokenSearchService;
import dev.tokenkeeper.server.token.UserOwnerScope;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.support.web.Moments;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/** Assembles what the token pages show, so that their controllers only map requests. */
@Component
class TokenPages {

	static final int PAGE_SIZE = 50;

	private static final Map<String, TokenQuery.Sort> SORTS = Map.of("name", TokenQuery.Sort.NAME, "created",
			TokenQuery.Sort.CREATED, "lastUsed", TokenQuery.Sort.LAST_USED, "expiry", TokenQuery.Sort.EXPIRY);

	private final TokenSearchService search;

	private final AccessTokenService tokens;

	private final TokenPolicyService policies;

	private final ProjectService projects;

	private final PermissionService permissions;

	private final Moments moments;

	TokenPages(TokenSearchService search, AccessTokenService tokens, TokenPolicyService policies,
			ProjectService projects, PermissionService permissions, Moments moments) {
		this.search = search;
		this.tokens = tokens;
		this.policies = policies;
		this.projects = projects;
		this.permissions = permissions;
		this.moments = moments;
	}

	TokenOwnerPage owner(Caller caller, String projectKey, String repositorySlug) {
		if (projectKey == null) {
			return new TokenOwnerPage(new UserOwnerScope(caller.user()), "My access tokens",
					"Tokens let scripts and tools act as you over HTTP, with the permissions you give them.",
					"/tokens");
		}
		Project project = this.projects.find(projectKey);
		if (repositorySlug == null) {
			return new TokenOwnerPage(ResourceOwnerScope.of(project, this.permissions),
					"Access tokens of project " + project.name(),
					"Project tokens act for the project " + project.key() + " only, whoever created them.",
					"/projects/" + project.key() + "/tokens");
		}
		Repo repo = this.projects.findRepo(projectKey, repositorySlug);
		String path = project.key() + "/" + repo.slug();
		return new TokenOwnerPage(ResourceOwnerScope.of(repo, this.permissions),
				"Access tokens of repository " + path, "Repository tokens act for the repository " + path + " only.",
				"/projects/" + project.key() + "/repos/" + repo.slug() + "/tokens");
	}

	AccessToken token(Caller caller, TokenOwnerPage owner, String tokenId) {
		return this.tokens.get(caller, owner.scope(), tokenId);
	}

	Instant now() {
		return this.moments.now();
	}

	TokenPolicy policy() {
		return this.policies.current();
	}

	/** The list of tokens with the create form (fresh, or as submitted with its errors). */
	void list(Model model, Caller caller, TokenOwnerPage owner, ListParams params, TokenForms.NewToken form,
			FormErrors errors) {
		TokenQuery.Sort sort = SORTS.get(params.sort() == null ? "" : params.sort());
		boolean descending = sort == null || "desc".equals(params.dir());
		sort = sort == null ? TokenQuery.Sort.CREATED : sort;
		PageRequest page = new PageRequest(Math.max(0, params.start() == null ? 0 : params.start()), PAGE_SIZE);
		List<AccessToken> found = this.search.find(caller, owner.scope(),
				new TokenQuery(params.q(), null, null, false, false, sort, descending), page);
		Instant now = this.moments.now();
		model.addAttribute("owner", owner);
		model.addAttribute("rows", found.stream().limit(PAGE_SIZE).map(token -> TokenRow.of(token, now)).toList());
		model.addAttribute("q", params.q() == null ? "" : params.q());
		model.addAttribute("columns", columns(owner.basePath(), params, sort, descending));
		model.addAttribute("previousPage", page.start() == 0 ? null
				: link(owner.basePath(), params, Math.max(0, page.start() - PAGE_SIZE)));
		model.addAttribute("nextPage", found.size() > PAGE_SIZE ? link(owner.basePath(), params, page.start() + PAGE_SIZE)
				: null);
		model.addAttribute("canManage", owner.scope().canCreate(caller));
		model.addAttribute("policy", policy());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("projectChoices", choices(ResourcePermission.Scope.PROJECT));
		model.addAttribute("repositoryChoices", choices(ResourcePermission.Scope.REPOSITORY));
	}

	private static List<SortColumn> columns(String basePath, ListParams params, TokenQuery.Sort sort,
			boolean descending) {
		return List.of(column("name", "Name", basePath, params, sort, descending),
				column("created", "Created", basePath, params, sort, descending),
				column("lastUsed", "Last used", basePath, params, sort, descending),
				column("expiry", "Expires", basePath, params, sort, descending));
	}

	private static SortColumn column(String key, String label, String basePath, ListParams params,
			TokenQuery.Sort current, boolean descending) {
		boolean sorted = SORTS.get(key) == current;
		String nextDirection = (sorted && !descending) ? "desc" : "asc";
		String href = UriComponentsBuilder.fromPath(basePath)
			.queryParamIfPresent("q", Optional.ofNullable(params.q()).filter(q -> !q.isBlank()))
			.queryParam("sort", key)
			.queryParam("dir", nextDirection)
			.build()
			.encode()
			.toUriString();
		return new SortColumn(label, href, sorted ? (descending ? "descending" : "ascending") : null);
	}

	private static String link(String basePath, ListParams params, int start) {
		return UriComponentsBuilder.fromPath(basePath)
			.queryParamIfPresent("q", Optional.ofNullable(params.q()).filter(q -> !q.isBlank()))
			.queryParamIfPresent("sort", Optional.ofNullable(params.sort()))
			.queryParamIfPresent("dir", Optional.ofNullable(params.dir()))
			.queryParam("start", start)
			.build()
			.encode()
			.toUriString();
	}

	private static List<PermissionChoice> choices(ResourcePermission.Scope scope) {
		return Arrays.stream(ResourcePermission.values())
			.filter(permission -> permission.scope() == scope)
			.map(permission -> new PermissionChoice(permission.name(), TokenRow.level(permission), permission.level()))
			.toList();
	}

	/** The query of a token list: text, sort column and direction, first row. */
	record ListParams(String q, String sort, String dir, Integer start) {
	}

	/** A sortable column heading: where a click leads, and how it is sorted now (for aria-sort). */
	public record SortColumn(String label, String href, String ariaSort) {
	}

	/** A permission offered in a form, with its level (1 read, 2 write, 3 admin) for the pairing rule. */
	public record PermissionChoice(String value, String label, int level) {
	}

}
