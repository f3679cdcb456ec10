package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The power list and service guide journeys on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresPowerListJourneyTest extends PowerListJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-powers-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
