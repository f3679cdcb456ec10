package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The search journeys on the embedded H2 default. */
class H2SearchJourneyTest extends SearchJourneyTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-h2-search-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
