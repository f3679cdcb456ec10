package org.gongkai.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Child process of {@link H2DurabilityTest}: commits rows one by one on the embedded database URL and
 * prints {@code ACK n} after each commit returns, until it is killed.
 */
public final class H2CrashWriter {

	private H2CrashWriter() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
			c.createStatement().execute("CREATE TABLE IF NOT EXISTS crash_probe (id INT PRIMARY KEY, note VARCHAR(100))");
			c.setAutoCommit(false);
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO crash_probe (id, note) VALUES (?, ?)")) {
				for (int i = 1; i < Integer.MAX_VALUE; i++) {
					insert.setInt(1, i);
					insert.setString(2, "已确认的写入 " + i);
					insert.executeUpdate();
					c.commit();
					System.out.println("ACK " + i);
					System.out.flush();
				}
			}
		}
	}
}
