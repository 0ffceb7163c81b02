import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a running server through its API: users, and tokens spread over them (8 requests at a
 * time). Writes users.txt ("name password"), tokens.txt (raw tokens) and token-users.txt (the
 * owner of each token, same line). Usage: java Seed.java BASE_URL ADMIN_PASSWORD OUT_DIR USERS
 * TOKENS_PER_USER [PREFIX]
 */
public class Seed {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String admin = basic("admin", args[1]);
		Path out = Path.of(args[2]);
		int users = Integer.parseInt(args[3]);
		int perUser = Integer.parseInt(args[4]);
		String prefix = args.length > 5 ? args[5] : "bench";
		Files.createDirectories(out);
		send(base, "PUT", "/rest/access-tokens/latest/admin/settings", admin,
				"{\"maxTokensPerOwner\":100000,\"maxExpiryDays\":null,\"requireExpiry\":false}", 200);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<String> names = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			String name = prefix + u;
			names.add(name);
			send(base, "POST", "/rest/api/1.0/admin/users?name=" + name + "&password=" + name + "-pw&displayName=" + name
					+ "&emailAddress=" + name + "@example.com", admin, null, 204);
		}
		List<Future<String[]>> created = new ArrayList<>();
		for (String name : names) {
			String auth = basic(name, name + "-pw");
			for (int t = 0; t < perUser; t++) {
				created.add(pool.submit(() -> {
					String body = send(base, "PUT", "/rest/access-tokens/1.0/users/" + name, auth,
							"{\"name\":\"seed\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"],\"expiryDays\":365}", 200);
					Matcher m = TOKEN.matcher(body);
					m.find();
					return new String[] { name, m.group(1) };
				}));
			}
		}
		try (PrintWriter tokens = new PrintWriter(Files.newBufferedWriter(out.resolve(prefix + "-tokens.txt")));
				PrintWriter owners = new PrintWriter(Files.newBufferedWriter(out.resolve(prefix + "-token-users.txt")));
				PrintWriter userFile = new PrintWriter(Files.newBufferedWriter(out.resolve(prefix + "-users.txt")))) {
			for (Future<String[]> future : created) {
				String[] pair = future.get();
				owners.println(pair[0]);
				tokens.println(pair[1]);
			}
			names.forEach(name -> userFile.println(name + " " + name + "-pw"));
		}
		pool.shutdown();
	}

	private static String send(String base, String method, String path, String auth, String json, int expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String basic(String user, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
