package org.gongkai.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The journeys on the embedded default: an H2 file database in a fresh folder. */
class H2JourneysTest extends PlatformJourneys {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-h2-");
		registry.add("gongkai.data-dir", dir::toString);
	}
}
