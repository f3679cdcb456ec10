package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public message journeys on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresMessageJourneyTest extends MessageJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-msg-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
