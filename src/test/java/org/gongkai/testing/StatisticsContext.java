package org.gongkai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context (embedded H2, the demo county without its demo items, a {@link MovableClock}) shared by the
 * statistics tests of the modules the annual report reads: they extend this class and declare nothing that would
 * change the context, so Spring's context cache starts it once. Each test class sets the clock itself before it makes
 * its records, and counts only records of its own kind (different tables), so their order does not matter.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.content=false",
		"gongkai.demo.password=Demo-Test-2026", "gongkai.admin.password=Gongkai-Test-2026" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StatisticsContext {

	private static final String DATA_DIR;

	static {
		try {
			DATA_DIR = Files.createTempDirectory("gongkai-statistics-").toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Acts as a staff member holding one role in one agency (with its subtree when {@code subtree}). */
	protected static void as(String username, long agencyId, Role role, boolean subtree) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, subtree)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("gongkai.data-dir", () -> DATA_DIR);
	}
}
