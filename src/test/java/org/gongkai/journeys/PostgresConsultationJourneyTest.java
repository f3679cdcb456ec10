package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The consultation journeys on a real PostgreSQL. */
@Import(RealPostgres.class)
class PostgresConsultationJourneyTest extends ConsultationJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-pg-consultation-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
