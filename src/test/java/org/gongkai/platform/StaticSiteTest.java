package org.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteTest {

	@TempDir
	Path root;

	private StaticSite site() {
		return new StaticSite(new SiteSettings(null, null, null, null, null, null, null, null, null, null, root));
	}

	@Test
	void folderPathsMapToTheirIndexPage() {
		assertThat(site().fileFor("/")).contains(root.resolve("index.html"));
		assertThat(site().fileFor("/agencies/x/guide/")).contains(root.resolve("agencies/x/guide/index.html"));
		assertThat(site().fileFor("/sitemap.xml")).contains(root.resolve("sitemap.xml"));
	}

	@Test
	void pathsThatLeaveTheSiteAreRefused() {
		assertThat(site().fileFor("/../etc/passwd")).isEmpty();
		assertThat(site().fileFor("/agencies/..%2F/x")).isEmpty();
		assertThat(site().fileFor("/a/../../b")).isEmpty();
		assertThat(site().fileFor("//etc/passwd")).isEmpty();
		assertThat(site().fileFor("/a\\b")).isEmpty();
		assertThat(site().fileFor("relative")).isEmpty();
	}

	@Test
	void aWrittenPageIsCompleteReadableByTheWebServerAndLeavesNoTemporaryFile() throws Exception {
		site().writePage("/agencies/x/", "<p>第一版</p>");
		site().writePage("/agencies/x/", "<p>第二版</p>");
		Path page = root.resolve("agencies/x/index.html");
		assertThat(Files.readString(page)).isEqualTo("<p>第二版</p>");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page))).isEqualTo("rw-r--r--");
		try (var files = Files.list(page.getParent())) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
		}
	}

	@Test
	void deletingAnItemRemovesItsWholeFolder() {
		site().writePage("/agencies/x/", "a");
		site().writePage("/agencies/x/guide/", "b");
		site().writePage("/agencies/y/", "c");
		site().deleteTree("/agencies/x/");
		assertThat(root.resolve("agencies/x")).doesNotExist();
		assertThat(root.resolve("agencies/y/index.html")).exists();
	}
}
