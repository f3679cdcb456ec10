package org.gongkai.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.search.PreparedQuery;
import org.gongkai.search.Facet;
import org.gongkai.search.SearchEngine;
import org.gongkai.search.SearchService;
import org.gongkai.search.SearchFilter;
import org.gongkai.search.SearchHit;
import org.gongkai.search.SearchOrder;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo county's published information: the items of demo/documents.txt published through the workflow by
 * several departments and townships, with their attachments' text and interpretations, seeded once, and searchable
 * for 政务公开 as issue 8 asks.
 */
class DemoContentTest extends SearchSourcesContext {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchEngine engine;

	@Autowired
	SearchService search;

	@Autowired
	List<SearchSource> sources;

	@Autowired
	DemoCounty county;

	@Test
	void everyDemoItemIsPublishedByItsAgencyWithItsNumberAndTheme() {
		List<DemoContent.Reading> readings = new ArrayList<>();
		List<DemoContent.Item> items = DemoContent.read(readings);
		assertThat(items).hasSizeGreaterThanOrEqualTo(18);
		assertThat(readings).hasSize(3);
		for (DemoContent.Item item : items) {
			Map<String, Object> row = jdbc.sql("SELECT d.status, d.document_number, d.theme, a.code FROM pub_document d "
					+ "JOIN org_agency a ON a.id = d.agency_id WHERE d.title = ?")
				.param(item.title())
				.query()
				.singleRow();
			assertThat(row.get("status")).as(item.title()).isEqualTo("PUBLISHED");
			assertThat(row.get("document_number")).isEqualTo(item.number());
			assertThat(row.get("theme")).isEqualTo(item.theme());
			assertThat(row.get("code")).isEqualTo(item.agency());
		}
		assertThat(items.stream().map(DemoContent.Item::agency).distinct().count()).isGreaterThanOrEqualTo(8);
		assertThat(items).anyMatch(i -> i.agency().equals("yiyuan-lucun")).anyMatch(i -> i.agency().equals("yiyuan-dongli"));
		assertThat(jdbc.sql("SELECT validity FROM pub_document WHERE title = '沂源县行政规范性文件管理办法'").query(String.class).single())
			.isEqualTo("REPEALED");
	}

	@Test
	void theInterpretationsArePublishedWithTheirPolicies() {
		await().atMost(Duration.ofMinutes(4)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT COUNT(*) FROM int_interpretation i JOIN int_interpretation_document l ON l.interpretation_id = i.id "
					+ "JOIN pub_document d ON d.id = l.document_id WHERE i.status = 'PUBLISHED' AND d.status = 'PUBLISHED' "
					+ "AND i.created_by = 'demo-editor'")
			.query(Long.class)
			.single()).isEqualTo(3L));
	}

	@Test
	void theAttachmentsTextIsIndexedAndTheRepealedItemIsOutOfForce() {
		SearchSource documents = sources.stream().filter(s -> s.kind().equals("document")).findFirst().orElseThrow();
		long plan = id("沂源县人民政府办公室关于印发2019年沂源县政务公开工作方案的通知");
		long training = id("沂源县农业农村局2021年度政务公开培训计划");
		long repealed = id("沂源县行政规范性文件管理办法");

		SearchEntry planEntry = documents.publicEntry(plan).orElseThrow();
		assertThat(planEntry.attachmentText()).containsAnyOf("政务公开重点任务分工表", "task table");
		assertThat(documents.publicEntry(training).orElseThrow().attachmentText()).contains("专题培训与考核");
		assertThat(documents.publicEntry(repealed).orElseThrow().outOfForce()).isTrue();
		assertThat(DemoContent.trainingScheduleDocx()).startsWith((byte) 'P', (byte) 'K');
		assertThat(new String(DemoContent.taskTablePdf(), 0, 4)).isEqualTo("%PDF");
	}

	@Test
	void searchingFor政务公开FindsSeveralDemoItemsOfSeveralAgenciesHighlightedWithFacets() {
		await().atMost(Duration.ofMinutes(4)).untilAsserted(() -> {
			List<SearchHit> hits = engine.search(new PreparedQuery("政务公开", List.of("政务公开"), List.of()),
					new SearchFilter(java.util.Set.of("document"), null, null, null), SearchOrder.RELEVANCE, 1, 50).hits();
			assertThat(hits).hasSizeGreaterThanOrEqualTo(8);
			assertThat(hits.stream().map(SearchHit::agencyId).distinct().count()).isGreaterThanOrEqualTo(4);
			assertThat(hits).anyMatch(h -> h.id() == id("沂源县农业农村局2021年度政务公开培训计划"));
		});
		// as the portal and the API ask: highlighted titles and snippets, and facets with counts
		SearchService.Answer answer = search.search(search.parse("政务公开", List.of(), List.of(), List.of(), List.of(), null,
				null, null, true), false);
		assertThat(answer.total()).isGreaterThanOrEqualTo(8);
		// a hit shows the words highlighted wherever its title or snippet holds them (an item found only through its
		// theme or keywords, such as a 综合政务/政务公开 item, has nothing to highlight)
		assertThat(answer.hits()).allSatisfy(h -> {
			String shown = h.hit().titleHtml() + h.hit().snippetHtml();
			if (shown.replace("<mark>", "").replace("</mark>", "").contains("政务公开")) {
				assertThat(shown).contains("<mark>");
			}
		});
		assertThat(answer.hits()).filteredOn(h -> (h.hit().titleHtml() + h.hit().snippetHtml()).contains("<mark>政务公开</mark>"))
			.hasSizeGreaterThanOrEqualTo(8);
		assertThat(answer.hits().get(0).hit().titleHtml()).contains("<mark>政务公开</mark>");
		assertThat(answer.facets().get(Facet.TYPE)).anySatisfy(v -> {
			assertThat(v.value()).isEqualTo("document");
			assertThat(v.label()).isEqualTo("政府信息");
			assertThat(v.count()).isGreaterThanOrEqualTo(8);
		});
		assertThat(answer.facets().get(Facet.AGENCY)).hasSizeGreaterThanOrEqualTo(4);
		assertThat(answer.facets().get(Facet.YEAR)).isNotEmpty();
		assertThat(answer.facets().get(Facet.THEME)).isNotEmpty();
	}

	@Test
	void theDemoItemsArePublishedInTheBackgroundOfTheFirstStart() throws Exception {
		county.contentPublished().get(4, java.util.concurrent.TimeUnit.MINUTES);
		assertThat(county.contentPublished()).isCompleted();
	}

	@Test
	void theDemoIsSeededOnlyOnce() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM pub_document").query(Long.class).single();
		county.run(null);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pub_document").query(Long.class).single()).isEqualTo(before);
	}

	private long id(String title) {
		return jdbc.sql("SELECT id FROM pub_document WHERE title = ?").param(title).query(Long.class).single();
	}
}
