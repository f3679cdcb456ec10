package org.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * An acknowledged write survives a crash of the process (kill -9) on the embedded default: a child
 * JVM commits rows on the very JDBC URL of {@code application.yml}, is SIGKILLed mid-stream, and
 * every row whose commit it had acknowledged is still there afterwards.
 */
class H2DurabilityTest {

	@Test
	void everyAcknowledgedCommitSurvivesKillMinus9() throws Exception {
		Path dir = Files.createTempDirectory("gongkai-crash-");
		String url = embeddedUrl().replace("${gongkai.data-dir:./data}", dir.toString());
		assertThat(url).startsWith("jdbc:h2:file:" + dir).contains("WRITE_DELAY=0");

		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				H2CrashWriter.class.getName(), url)).redirectErrorStream(true).start();
		int acknowledged = 0;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("ACK ")) {
					acknowledged = Integer.parseInt(line.substring(4));
					if (acknowledged >= 300) {
						child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
						break;
					}
				}
			}
		}
		assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged).as("the child must have written before it was killed").isGreaterThanOrEqualTo(300);

		try (Connection c = DriverManager.getConnection(url, "sa", "");
				ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), MAX(id) FROM crash_probe")) {
			rs.next();
			assertThat(rs.getInt(2)).as("highest surviving id").isGreaterThanOrEqualTo(acknowledged);
			assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2));
		}
	}

	private static String embeddedUrl() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties props = yaml.getObject();
		return props.getProperty("spring.datasource.url");
	}
}
