package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The random-inspection journeys on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresInspectionJourneyTest extends InspectionJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-insp-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
