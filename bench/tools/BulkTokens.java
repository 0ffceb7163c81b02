import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes many tokens straight into a stopped server's database (the API would take too long for
 * a million), in the server's raw format, and keeps a sample of raw tokens to use. Usage (with the
 * database's JDBC driver on the class path):
 * java -cp DRIVER.jar BulkTokens.java JDBC_URL USER_ID COUNT SAMPLE_FILE
 */
public class BulkTokens {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		long userId = Long.parseLong(args[1]);
		int count = Integer.parseInt(args[2]);
		SecureRandom random = new SecureRandom();
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		List<String> sample = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		long now = System.currentTimeMillis();
		try (Connection db = DriverManager.getConnection(url, "tokenkeeper", "")) {
			db.setAutoCommit(false);
			try (PreparedStatement insert = db.prepareStatement("""
					INSERT INTO access_token (id, owner_type, owner_id, user_id, name, repository_permission,
					                          project_permission, created_date, expiry_days, expiry_date, secret_hash)
					VALUES (?, 'USER', ?, ?, 'bulk', 'REPO_READ', 'PROJECT_READ', ?, 365, ?, ?)""")) {
				for (int i = 0; i < count; i++) {
					String id = String.format("%012d", random.nextLong(1_000_000_000_000L));
					// a million random ids out of 10^12 collide with a probability of about one half
					while (!ids.add(id)) {
						id = String.format("%012d", random.nextLong(1_000_000_000_000L));
					}
					byte[] payload = new byte[33];
					System.arraycopy((id + ":").getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 13);
					byte[] secret = new byte[20];
					random.nextBytes(secret);
					System.arraycopy(secret, 0, payload, 13, 20);
					insert.setString(1, id);
					insert.setLong(2, userId);
					insert.setLong(3, userId);
					insert.setLong(4, now - count + i);
					insert.setLong(5, now + 365L * 86_400_000L);
					insert.setBytes(6, sha.digest(payload));
					insert.addBatch();
					if (sample.size() < 20_000) {
						sample.add("BBDC-" + Base64.getEncoder().encodeToString(payload));
					}
					if (i % 10_000 == 9_999) {
						insert.executeBatch();
						db.commit();
					}
				}
				insert.executeBatch();
				db.commit();
			}
		}
		Files.write(Path.of(args[3]), sample);
	}

}
