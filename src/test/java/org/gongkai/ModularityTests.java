package org.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds (no cycles, only declared dependencies), and its documentation is generated. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GongkaiApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		modules.verify();
	}

	@Test
	void everyExpectedModuleExists() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("platform", "organisation", "identity", "calendar", "catalog", "publication", "audit", "portal",
					"console", "demo", "interpretation", "inforequest", "interaction", "powers", "participation", "search", "report", "oversight");
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		new Documenter(modules).writeDocumentation();
		Path docs = Path.of("target", "spring-modulith-docs");
		assertThat(docs.resolve("components.puml")).exists();
		assertThat(Files.readString(docs.resolve("components.puml"))).contains("Calendar");
	}
}
