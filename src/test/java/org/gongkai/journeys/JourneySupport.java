package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.StaticSite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The running application with the demo county seeded, and helpers to call it over real HTTP as the
 * public, a staff member or an integration token. Journeys extend this, one subclass per database, annotated
 * {@link OnH2} or {@link OnPostgres}.
 * <p>
 * All journey classes on one database share one running application (its start — migrations, the demo county, the
 * static site — is the slow part of the suite). So a journey never assumes a fresh database: it names what it
 * creates so that no other journey class uses the name, finds its records by those names or ids, and asserts on
 * them rather than on totals of a list that other classes add to; it leaves shared settings (the demo accounts'
 * passwords, the calendar's years, the demo agencies) as it found them, or changes them only where no other journey
 * looks. The configuration is the same for all (the properties here; a subclass adding any would start an
 * application of its own): every request comes from 127.0.0.1, so the per-address hourly limits are set out of
 * reach (they have their own tests), and passwords are hashed at bcrypt's lowest cost ({@link QuickPasswords}). A
 * journey class that cannot live with this — it loads next year's calendar, or publishes what another class expects
 * unpublished — runs in an application of its own with {@link OnFreshH2} or {@link OnFreshPostgres}. Tests that
 * move the clock ({@code MovableClock}) never share one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gongkai.admin.password=" + JourneySupport.ADMIN_PASSWORD, "gongkai.demo.enabled=true",
				"gongkai.demo.password=" + JourneySupport.DEMO_PASSWORD, "gongkai.demo.content=false",
				"gongkai.api.public-requests-per-minute=100000",
				"gongkai.inforequest.portal.applications-per-hour=100000",
				"gongkai.inforequest.portal.lookups-per-hour=100000",
				"gongkai.interaction.portal.messages-per-hour=100000",
				"gongkai.interaction.portal.lookups-per-hour=100000",
				"gongkai.participation.comments-per-hour=100000",
				"gongkai.participation.polls.answers-per-hour=100000",
				"gongkai.participation.meetings.applications-per-hour=100000",
				"gongkai.participation.meetings.lookups-per-hour=100000",
				// the search journeys read the query report: flush the counts often
				"gongkai.search.stats-flush-millis=300" })
@Import(QuickPasswords.class)
abstract class JourneySupport {

	static final String ADMIN_PASSWORD = "Gongkai-Test-2026";

	static final String DEMO_PASSWORD = "Demo-Test-2026";

	@LocalServerPort
	int port;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	StaticSite site;

	@Autowired
	JdbcClient jdbc;

	Http anonymous() {
		return new Http(port);
	}

	Http api(String user, String password) {
		return new Http(port).basic(user, password);
	}

	Http admin() {
		return api("admin", ADMIN_PASSWORD);
	}

	Http demo(String user) {
		return api(user, DEMO_PASSWORD);
	}

	Http session(String user, String password) {
		Http http = new Http(port);
		assertThat(http.login(user, password).header("Location")).endsWith("/console");
		return http;
	}

	static String creditCode(String prefix17) {
		return prefix17 + CreditCode.checkCharacter(prefix17);
	}

	static Map<String, Object> newDepartment(String code, String name, String creditCode) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", "COUNTY", "type",
				"DEPARTMENT", "parentCode", "yiyuan"));
		body.put("creditCode", creditCode);
		return body;
	}

}
