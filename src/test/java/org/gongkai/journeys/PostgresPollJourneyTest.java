package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The poll journeys on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresPollJourneyTest extends PollJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-poll-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
