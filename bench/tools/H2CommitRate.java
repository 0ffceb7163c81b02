import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * The disk-bound reference for token creation: how many single-row commits per second H2 makes
 * on this disk with the server's settings (WRITE_DELAY=0). Usage: java -cp h2.jar H2CommitRate.java DIR COUNT
 */
public class H2CommitRate {

	public static void main(String[] args) throws Exception {
		Path dir = Files.createDirectories(Path.of(args[0]));
		int count = Integer.parseInt(args[1]);
		String url = "jdbc:h2:file:" + dir.resolve("rate") + ";MODE=PostgreSQL;WRITE_DELAY=0";
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			db.createStatement().execute("CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, v VARCHAR(64))");
			db.setAutoCommit(true);
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?, 'a-token-sized-value-a-token-sized-value')")) {
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
