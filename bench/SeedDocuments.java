import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Bench helper (run with the app stopped): inserts N published items for one agency directly into the
 * database, filed under one catalogue node, with unique index numbers. Usage:
 * java -cp h2.jar SeedDocuments.java JDBC_URL AGENCY_CODE NODE_CODE N
 */
public class SeedDocuments {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String agencyCode = args[1];
		String nodeCode = args[2];
		int n = Integer.parseInt(args[3]);
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.setAutoCommit(false);
			long agency;
			try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM org_agency WHERE code = '" + agencyCode + "'")) {
				rs.next();
				agency = rs.getLong(1);
			}
			long node;
			try (ResultSet rs = c.createStatement()
				.executeQuery("SELECT id FROM cat_node WHERE agency_id = " + agency + " AND code = '" + nodeCode + "'")) {
				rs.next();
				node = rs.getLong(1);
			}
			long start = System.nanoTime();
			Timestamp now = Timestamp.from(Instant.now());
			try (PreparedStatement doc = c.prepareStatement("INSERT INTO pub_document (agency_id, index_number, title, summary, body, "
					+ "issuing_organ, document_number, written_on, formed_on, published_on, published_at, theme, document_type, validity, "
					+ "normative, government_rule, attribute, status, version, created_by, created_at, updated_at) "
					+ "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'IN_FORCE',FALSE,FALSE,'PROACTIVE','PUBLISHED',1,'bench',?,?)",
					new String[] { "id" });
					PreparedStatement filing = c.prepareStatement("INSERT INTO pub_document_node (document_id, node_id) VALUES (?,?)")) {
				for (int i = 1; i <= n; i++) {
					LocalDate day = LocalDate.of(2016, 1, 1).plusDays(i % 3800);
					doc.setLong(1, agency);
					doc.setString(2, "BENCH/" + day.getYear() + "-" + String.format("%07d", i));
					doc.setString(3, "基准测试文件第" + i + "号：关于做好" + (i % 12 + 1) + "月份政务公开工作的通知");
					doc.setString(4, "基准测试摘要 " + i);
					doc.setString(5, "<p>基准测试正文 " + i + "。</p>");
					doc.setString(6, "沂源县发展和改革局");
					doc.setString(7, "沂发改发〔" + day.getYear() + "〕" + i + "号");
					doc.setObject(8, day);
					doc.setObject(9, day);
					doc.setObject(10, day);
					doc.setTimestamp(11, now);
					doc.setString(12, "综合政务/政务公开");
					doc.setString(13, "通知");
					doc.setTimestamp(14, now);
					doc.setTimestamp(15, now);
					doc.executeUpdate();
					try (ResultSet keys = doc.getGeneratedKeys()) {
						keys.next();
						filing.setLong(1, keys.getLong(1));
					}
					filing.setLong(2, node);
					filing.addBatch();
					if (i % 2000 == 0) {
						filing.executeBatch();
						c.commit();
					}
				}
				filing.executeBatch();
				c.commit();
			}
			System.out.printf("seeded %d items for %s/%s in %d ms%n", n, agencyCode, nodeCode, (System.nanoTime() - start) / 1_000_000);
		}
	}
}
