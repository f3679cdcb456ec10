package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The search journeys on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresSearchJourneyTest extends SearchJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-search-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
