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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

/**
 * The running application with the demo county seeded, and helpers to call it over real HTTP as the
 * public, a staff member or an integration token. Journeys extend this, one subclass per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gongkai.admin.password=" + JourneySupport.ADMIN_PASSWORD, "gongkai.demo.enabled=true",
				"gongkai.demo.password=" + JourneySupport.DEMO_PASSWORD, "gongkai.demo.content=false",
				"gongkai.api.public-requests-per-minute=100000" })
@DirtiesContext
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
