package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Role;
import org.gongkai.platform.SearchEntry;
import org.gongkai.search.PreparedQuery;
import org.gongkai.search.SearchEngine;
import org.gongkai.search.SearchFilter;
import org.gongkai.search.SearchOrder;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Published annual reports in the site search: an imported (published) report is an entry with its sections' text and
 * is found by the engine after the publication event; a draft is never an entry.
 */
class ReportSearchSourceTest extends SearchSourcesContext {

	@Autowired
	ReportSearchSource source;

	@Autowired
	AnnualReportManagement management;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	SearchEngine engine;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPublishedReportIsAnEntryAndFoundWhileADraftIsNot() {
		long agencyId = agencies.requireByCode("yiyuan-nyj").id();
		as("nyj-editor", agencyId, Role.EDITOR);
		ReportSummary imported = management.importHistory(new ReportImportInput(agencyId, 2018, ReportFormat.F2019,
				ReportCells.empty(), "本年度围绕粮食安全和乡村振兴做好农业政务公开工作。", "存在的问题：栏目更新不够及时。",
				"本年度未收取信息处理费。", LocalDate.of(2019, 3, 20), "http://www.yiyuan.gov.cn/nyj/2018nb.html"));
		ReportWork draft = management.start(agencyId, 2022);

		SearchEntry entry = source.publicEntry(imported.reportId()).orElseThrow();
		assertThat(entry.kind()).isEqualTo("annual-report");
		assertThat(entry.agencyId()).isEqualTo(agencyId);
		assertThat(entry.url()).isEqualTo("/agencies/yiyuan-nyj/annual-reports/2018/");
		assertThat(entry.title()).endsWith("2018年政府信息公开工作年度报告");
		assertThat(entry.body()).contains("一、总体情况").contains("粮食安全和乡村振兴").contains("栏目更新不够及时");
		assertThat(entry.date()).isEqualTo(LocalDate.of(2019, 3, 20));
		assertThat(source.publicEntry(draft.view().reportId())).isEmpty();

		List<Long> all = new ArrayList<>();
		source.forEachPublic(e -> all.add(e.id()));
		assertThat(all).contains(imported.reportId()).doesNotContain(draft.view().reportId()).doesNotHaveDuplicates();
		List<Long> ofAgency = new ArrayList<>();
		source.forEachPublicOfAgency(agencyId, e -> ofAgency.add(e.id()));
		assertThat(ofAgency).contains(imported.reportId()).doesNotContain(draft.view().reportId());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(engine.keysOfAgency(agencyId).getOrDefault("annual-report", List.of()))
				.contains(imported.reportId()));
		assertThat(found("乡村振兴")).contains(imported.reportId());
	}

	private List<Long> found(String word) {
		return engine.search(new PreparedQuery(word, List.of(word), List.of()),
				new SearchFilter(Set.of("annual-report"), Set.of(), Set.of(), Set.of()), SearchOrder.RELEVANCE, 1, 20)
			.hits()
			.stream()
			.map(h -> h.id())
			.toList();
	}
}
