package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The participation journeys across the four kinds on the embedded H2 default. */
class H2ParticipationJourneyTest extends ParticipationJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-h2-participation-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
