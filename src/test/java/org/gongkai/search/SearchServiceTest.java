package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search service with the real engine and database: the seeded and the administrator's synonyms change what a
 * query finds, best bets are pinned for the queries they answer until deactivated, changes are audited and only for
 * administrators and supervisors, and queries are counted in memory and written only by the flush.
 */
@SpringBootTest(properties = { "gongkai.admin.password=Gongkai-Test-2026", "gongkai.search.stats-flush-millis=3600000" })
@Import(SearchServiceTest.Notes.class)
@DirtiesContext
class SearchServiceTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("gongkai-search-service-").toString();
		registry.add("gongkai.data-dir", () -> dir);
	}

	/** A kind of record that only this test has: notes kept in memory, all public. */
	static final class NoteSource implements SearchSource {

		final Map<Long, SearchEntry> notes = new ConcurrentHashMap<>();

		void add(long id, String title, String body) {
			notes.put(id, new SearchEntry("test-note", id, null, "/notes/" + id + "/", title, body, "",
					LocalDate.of(2026, 11, 20), "综合政务", "", false));
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
			notes.values().forEach(sink);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Notes {

		@Bean
		NoteSource noteSource() {
			return new NoteSource();
		}
	}

	@Autowired
	NoteSource notes;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	SearchService search;

	@Autowired
	SearchManagement management;

	@Autowired
	SearchQueryStats stats;

	@Autowired
	JdbcClient jdbc;

	private void note(long id, String title, String body) {
		notes.add(id, title, body);
		indexing.refresh("test-note", id);
	}

	private SearchService.Answer find(String q) {
		return search.search(search.parse(q, List.of("test-note"), null, null, null, null, null, null, true));
	}

	private static List<String> titles(SearchService.Answer a) {
		return a.hits().stream().map(SearchService.Hit::title).toList();
	}

	private static <T> T as(Actor actor, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((ActorHolder) () -> actor, null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static Actor staff(Role role) {
		return new Actor(42, "staff-" + role.name().toLowerCase(), "职员", 1L, List.of(new RoleGrant(role, 1L, true)),
				java.util.Set.of(), false);
	}

	@Test
	void theSeededSynonymsAndAnAdministratorsNewGroupWidenWhatAQueryFinds() {
		note(1, "城市公交线路调整公告", "自下月起调整三条线路。");
		note(2, "城乡居民最低生活保障标准提高的通知", "提高保障标准。");
		// seeded in V25: 低保 / 最低生活保障
		assertThat(titles(find("低保"))).containsExactly("城乡居民最低生活保障标准提高的通知");
		assertThat(find("巴士").total()).isZero();

		long id = Actors.callAsSystem(() -> management.addSynonym("巴士 / 公交"));
		assertThat(titles(find("巴士"))).containsExactly("城市公交线路调整公告");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'search.synonym-added' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// a word already in another group is refused, and so is a group of one
		assertThatThrownBy(() -> Actors.callAsSystem(() -> management.addSynonym("公交、公共汽车")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("公交");
		assertThatThrownBy(() -> Actors.callAsSystem(() -> management.addSynonym("地铁")))
			.isInstanceOf(InvalidInputException.class);

		Actors.runAsSystem(() -> management.deleteSynonym(id));
		assertThat(find("巴士").total()).isZero();
	}

	@Test
	void onlyAdministratorsAndSupervisorsManageSynonymsAndBestBets() {
		assertThatThrownBy(() -> as(staff(Role.EDITOR), () -> management.addSynonym("甲醛/蚁醛")))
			.isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(403));
		long id = as(staff(Role.SUPERVISOR), () -> management.addSynonym("甲醛/蚁醛"));
		assertThat(Actors.callAsSystem(() -> management.synonym(id)).terms()).containsExactly("甲醛", "蚁醛");
		assertThat(SearchManagement.maySeeReports(staff(Role.EDITOR))).isTrue();
		assertThat(SearchManagement.maySeeReports(staff(Role.MESSAGE_HANDLER))).isFalse();
	}

	@Test
	void aBestBetIsPinnedForTheQueriesItAnswersUntilItIsDeactivated() {
		note(10, "公共交通IC卡充值网点", "全县设有二十个充值网点。");
		long id = Actors.callAsSystem(() -> management.addBestBet(new SearchManagement.BestBetInput("公交卡\n交通卡",
				"公交卡办理指南", "/agencies/yiyuan-jtj/services/8/", "办理材料、地点和时间", 1, true)));
		assertThat(find("公交卡办理").bestBets()).extracting(BestBet::title).containsExactly("公交卡办理指南");
		assertThat(find("交通卡").bestBets()).hasSize(1);
		assertThat(find("公交").bestBets()).isEmpty();

		assertThatThrownBy(() -> Actors.callAsSystem(() -> management.addBestBet(new SearchManagement.BestBetInput("公交卡",
				"标题", "javascript:alert(1)", "", 0, true))))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field()).containsExactly("url"));

		Actors.runAsSystem(() -> management.deactivateBestBet(id));
		assertThat(find("公交卡办理").bestBets()).isEmpty();
		assertThat(Actors.callAsSystem(() -> management.bestBet(id)).active()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'search.best-bet-%' AND subject_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void queriesAreCountedInMemoryAndWrittenByTheFlushWithoutPersonalData() {
		note(20, "政务公开工作要点", "做好政务公开工作。");
		stats.flush();
		jdbc.sql("DELETE FROM sr_query_stat").update();
		find("政务公开");
		find("政务公开");
		find("根本没有的词语组合");
		find("13812345678");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sr_query_stat").query(Long.class).single())
			.as("searching writes nothing").isZero();

		stats.flush();
		Map<String, long[]> rows = new java.util.HashMap<>();
		jdbc.sql("SELECT query_text, searches, zero_results FROM sr_query_stat")
			.query(rs -> {
				rows.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		assertThat(rows.keySet()).containsExactlyInAnyOrder("政务公开", "根本没有的词语组合");
		assertThat(rows.get("政务公开")).containsExactly(2, 0);
		assertThat(rows.get("根本没有的词语组合")).containsExactly(1, 1);

		// a second flush adds to the same day's row
		find("政务公开");
		stats.flush();
		assertThat(stats.top(7, 10).get(0)).isEqualTo(new SearchStore.QueryFigure("政务公开", 3, 0));
		assertThat(stats.zeroResults(7, 10)).extracting(SearchStore.QueryFigure::query).containsExactly("根本没有的词语组合");
		assertThat(stats.zeroResultCount(30)).isEqualTo(1);
	}
}
