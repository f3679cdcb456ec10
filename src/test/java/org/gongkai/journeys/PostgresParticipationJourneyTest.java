package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The participation journeys across the four kinds on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresParticipationJourneyTest extends ParticipationJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-participation-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
