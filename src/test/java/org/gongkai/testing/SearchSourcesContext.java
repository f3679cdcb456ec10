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
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context (embedded H2, the demo county with its demo content) shared by the search sources' tests
 * and the demo content test: they extend this class and declare nothing that would change the context, so Spring's
 * context cache starts it once. Tests create their own records and assert on them, never on counts of others.
 */
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
public abstract class SearchSourcesContext {

	private static final String DATA_DIR;

	static {
		try {
			DATA_DIR = Files.createTempDirectory("gongkai-srca-").toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("gongkai.data-dir", () -> DATA_DIR);
	}

	@Autowired
	private JdbcClient contextJdbc;

	/**
	 * The demo items are published in the background after the first start; the tests wait for them so that their
	 * reads of "everything public" do not race with it. The repeal is their last step, in the same transaction.
	 */
	@BeforeEach
	void demoContentPublished() {
		Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> contextJdbc
			.sql("SELECT COUNT(*) FROM pub_document WHERE created_by = 'demo-editor' AND validity = 'REPEALED'")
			.query(Long.class)
			.single() > 0);
	}

	/**
	 * Waits until every event published so far was handled by its listeners (the demo county's first start leaves a
	 * long queue of page writes behind), so that a test of how fast the index follows a change measures that alone.
	 */
	protected void quiet() {
		EventQueue.awaitSettled(contextJdbc, Duration.ofMinutes(5));
	}

	@AfterEach
	void clearActor() {
		SecurityContextHolder.clearContext();
	}

	/** Acts as a staff member holding one role in one agency. */
	protected static void as(String username, long agencyId, Role role) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, false)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}
}
