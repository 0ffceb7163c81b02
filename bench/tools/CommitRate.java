import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * The disk-bound reference for token creation: how many single-row commits per second the
 * database makes on this disk, each durable before the next starts. Usage (with the database's
 * JDBC driver on the class path): java -cp DRIVER.jar CommitRate.java JDBC_URL USER COUNT
 */
public class CommitRate {

	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[2]);
		try (Connection db = DriverManager.getConnection(args[0], args[1], "")) {
			db.createStatement().execute("CREATE TABLE IF NOT EXISTS commit_rate (id BIGINT PRIMARY KEY, v VARCHAR(64))");
			db.setAutoCommit(true);
			try (PreparedStatement insert = db
				.prepareStatement("INSERT INTO commit_rate VALUES (?, 'a-token-sized-value-a-token-sized-value')")) {
				long start = System.nanoTime();
				for (int i = 0; i < count; i++) {
					insert.setLong(1, i);
					insert.executeUpdate();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("%.0f%n", count / seconds);
			}
		}
	}

}
