package org.gongkai.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The data directory ({@code gongkai.data-dir}) of a journey application. A shared application ({@link OnH2},
 * {@link OnPostgres}) gets one fresh temporary directory per database and test JVM, made the first time it starts;
 * Spring's test context cache then hands the same running application to every journey class on that database. An
 * application of its own ({@link OnFreshH2}, {@link OnFreshPostgres}) gets a new directory each time it starts.
 */
abstract class JourneyDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The directory; null for a new one at each start. */
	private final Path dir;

	JourneyDataDir(Path dir) {
		this.dir = dir;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Path dataDir = dir != null ? dir : fresh("gongkai-fresh-journeys-");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("journeyDataDir",
				Map.of("gongkai.data-dir", dataDir.toString())));
	}

	static Path fresh(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The H2 journeys' directory (the H2 file database, the files and the static site). */
	static final class H2 extends JourneyDataDir {

		private static final Path DIR = fresh("gongkai-h2-journeys-");

		H2() {
			super(DIR);
		}
	}

	/** The PostgreSQL journeys' directory (the files and the static site; the database is the embedded server). */
	static final class Postgres extends JourneyDataDir {

		private static final Path DIR = fresh("gongkai-pg-journeys-");

		Postgres() {
			super(DIR);
		}
	}

	/** A new directory for each application started ({@link OnFreshH2}, {@link OnFreshPostgres}). */
	static final class Fresh extends JourneyDataDir {

		Fresh() {
			super(null);
		}
	}
}
