package org.gongkai.bench.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.gongkai.organisation.CreditCode;

/**
 * Adds to the app's database (the app stopped) the 47 agencies of the corpus that the demo county lacks, with the ids
 * the corpus gives them (14 to 60), under 沂源县人民政府, so that every agency facet value and agency filter of the
 * benchmark resolves to a named agency as on a real site. Written straight into the table, as
 * {@code bench/SeedDocuments.java} does for documents: created through the API, each agency would also get its
 * ~320 catalogue nodes, indexed one by one for many minutes. Checks first that the demo county's 13 agencies have the
 * ids 1 to 13 the corpus uses.
 *
 * <p>{@code java ... org.gongkai.bench.search.AppAgencies <jdbc-url>}
 */
public final class AppAgencies {

	private AppAgencies() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
			Map<String, Long> ids = new HashMap<>();
			Map<String, String> paths = new HashMap<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, code, path FROM org_agency")) {
				while (rs.next()) {
					ids.put(rs.getString(2), rs.getLong(1));
					paths.put(rs.getString(2), rs.getString(3));
				}
			}
			for (SearchCorpus.Agency a : SearchCorpus.AGENCIES) {
				if (a.id() <= 13 && !Long.valueOf(a.id()).equals(ids.get(a.code()))) {
					throw new IllegalStateException(a.code() + " has id " + ids.get(a.code()) + ", the corpus uses " + a.id());
				}
			}
			Timestamp now = Timestamp.from(Instant.now());
			int created = 0;
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO org_agency (id, code, name, short_name, level, "
					+ "type, parent_id, path, credit_code, functions, sort_order, active, version, created_at, updated_at) "
					+ "VALUES (?,?,?,?,?,?,?,?,?,?,?,TRUE,0,?,?)")) {
				for (SearchCorpus.Agency a : SearchCorpus.AGENCIES) {
					if (a.id() <= 13 || ids.containsKey(a.code())) {
						continue;
					}
					String first17 = "12370323MB" + String.format("%07d", 1000 + a.id());
					insert.setLong(1, a.id());
					insert.setString(2, a.code());
					insert.setString(3, a.name());
					insert.setString(4, a.shortName());
					insert.setString(5, a.level());
					insert.setString(6, a.type());
					insert.setLong(7, ids.get("yiyuan"));
					insert.setString(8, paths.get("yiyuan") + a.id() + "/");
					insert.setString(9, first17 + CreditCode.checkCharacter(first17));
					insert.setString(10, "负责" + a.shortName() + "有关工作。");
					insert.setInt(11, (int) (200 + a.id() * 10));
					insert.setTimestamp(12, now);
					insert.setTimestamp(13, now);
					insert.executeUpdate();
					created++;
				}
			}
			try (Statement s = c.createStatement()) {
				s.execute("ALTER TABLE org_agency ALTER COLUMN id RESTART WITH 1000");
			}
			System.out.println("agencies: " + created + " added to the demo county's 13 (ids 14 to 60)");
		}
	}
}
