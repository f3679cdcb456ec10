package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.gongkai.platform.Actor;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchIndexing;
import org.gongkai.platform.SearchSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rebuild runs in the background, one at a time, while the old index keeps answering; a record published and one
 * withdrawn while it runs are right in the new index; the status tells what happened; only a system administrator
 * starts one.
 */
@SpringBootTest(properties = "gongkai.admin.password=Gongkai-Test-2026")
@Import(SearchRebuildTest.Notes.class)
@DirtiesContext
class SearchRebuildTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("gongkai-search-rebuild-").toString();
		registry.add("gongkai.data-dir", () -> dir);
	}

	/** Public notes in memory; streaming stops at the gate (after {@link #GATE_AT} notes) until the test opens it. */
	static final class GatedNotes implements SearchSource {

		static final int GATE_AT = 600;

		final Map<Long, SearchEntry> notes = new ConcurrentHashMap<>();

		volatile CountDownLatch gate = new CountDownLatch(0);

		final CountDownLatch atGate = new CountDownLatch(1);

		void add(long id, String title) {
			notes.put(id, new SearchEntry("test-note", id, null, "/notes/" + id + "/", title, "便笺正文第" + id + "号", "",
					LocalDate.of(2026, 11, 20), null, "", false));
		}

		@Override
		public String kind() {
			return "test-note";
		}

		@Override
		public String label() {
			return "测试便笺";
		}

		@Override
		public int order() {
			return 99;
		}

		@Override
		public Optional<SearchEntry> publicEntry(long id) {
			return Optional.ofNullable(notes.get(id));
		}

		@Override
		public void forEachPublic(Consumer<SearchEntry> sink) {
			List<Long> ids = new ArrayList<>(notes.keySet());
			ids.sort(null);
			int n = 0;
			for (long id : ids) {
				if (n++ == GATE_AT) {
					atGate.countDown();
					try {
						gate.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				SearchEntry e = notes.get(id);
				if (e != null) {
					sink.accept(e);
				}
			}
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Notes {

		@Bean
		GatedNotes gatedNotes() {
			return new GatedNotes();
		}
	}

	@Autowired
	GatedNotes notes;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	SearchService search;

	@Autowired
	SearchRebuild rebuild;

	@Autowired
	SearchEngine engine;

	private long count(String q) {
		return search.search(search.parse(q, List.of("test-note"), null, null, null, null, null, null, true), false).total();
	}

	@Test
	void searchAnswersDuringARebuildAndChangesMadeMeanwhileAreInTheNewIndex() throws Exception {
		// the first start of this application rebuilds its new, empty index by itself: let that one finish first
		await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.status().running());
		for (long id = 1; id <= 1200; id++) {
			notes.add(id, id <= 3 ? "旧索引中的通知" + id : "批量便笺" + id);
		}
		// only the first three are in the serving index so far (as if the rest had been lost)
		for (long id = 1; id <= 3; id++) {
			indexing.refresh("test-note", id);
		}
		assertThat(count("旧索引")).isEqualTo(3);

		notes.gate = new CountDownLatch(1);
		SearchRebuild.Status started = rebuild.start(Actor.system());
		assertThat(started.running()).isTrue();
		assertThat(notes.atGate.await(30, TimeUnit.SECONDS)).as("the rebuild reached the gate").isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> rebuild.status().processed() >= SearchRebuild.BATCH);

		// the old index keeps answering while the new one fills
		assertThat(count("旧索引")).isEqualTo(3);
		assertThat(count("批量便笺")).isZero();
		// one at a time: a second start changes nothing
		SearchRebuild.Status again = rebuild.start(Actor.system());
		assertThat(again.running()).isTrue();
		assertThat(again.startedAt()).isEqualTo(started.startedAt());

		// published and withdrawn while the rebuild runs (the withdrawn one was already streamed)
		notes.add(5000, "重建期间发布的公告");
		indexing.refresh("test-note", 5000);
		notes.notes.remove(2L);
		indexing.refresh("test-note", 2);
		assertThat(count("重建期间发布")).isEqualTo(1);

		notes.gate.countDown();
		await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.status().running());
		SearchRebuild.Status done = rebuild.status();
		assertThat(done.lastError()).isNull();
		assertThat(done.finishedAt()).isNotNull();
		assertThat(done.processed()).as("the notes and the other kinds' records").isGreaterThanOrEqualTo(1200);

		assertThat(count("批量便笺")).isEqualTo(1197);
		assertThat(count("重建期间发布")).isEqualTo(1);
		assertThat(count("旧索引")).isEqualTo(2);
		assertThat(engine.size()).isGreaterThanOrEqualTo(1200);
	}

	@Test
	void onlyASystemAdministratorStartsARebuild() {
		Actor editor = new Actor(7, "editor", "编辑", 1L,
				List.of(new RoleGrant(org.gongkai.platform.Role.SUPERVISOR, null, true)), java.util.Set.of(), false);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> rebuild.start(editor))
			.isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(403));
	}
}
