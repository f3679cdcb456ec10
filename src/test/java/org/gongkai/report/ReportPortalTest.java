package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public side of published reports over HTTP: the year page with accessible tables and its versions, the
 * downloads, 404 for anything not published, the 年度报告 column page listing the report once it is published, the
 * overview and the sitemap. The report queries are stubbed with hand-built views (the report store is the core's,
 * tested there), so these pages are tested on what they are given: published views only reach the public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
				"gongkai.admin.password=Gongkai-Test-2026", "gongkai.demo.content=false" })
class ReportPortalTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-report-portal-");
	}

	@LocalServerPort
	int port;

	@MockitoBean
	AnnualReportQueries queries;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReportPages pages;

	private final HttpClient http = HttpClient.newHttpClient();

	Agency fgj;

	ReportView first;

	ReportView correction;

	ReportView imported;

	static ReportView view(Agency agency, int year, ReportFormat format, int version, ReportStatus status, String note,
			boolean imported) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		List<String> keys = ReportLayout.of(format).cellKeys();
		for (int i = 0; i < keys.size(); i++) {
			values.put(keys.get(i), BigDecimal.valueOf(500 + i + version * 1000));
		}
		return new ReportView(100 + version, agency.id(), agency.code(), agency.name(), year, format, version, status,
				status == ReportStatus.PUBLISHED ? LocalDate.of(year + 1, 1, 10 + version) : null, note, imported,
				List.of(new ReportView.SectionText(ReportLayout.Section.ONE, "本年度公开工作总体情况。", List.of())),
				new ReportCells(values));
	}

	static ReportSummary summary(ReportView v) {
		return new ReportSummary(v.reportId(), v.agencyId(), v.year(), v.version(), v.status(), v.format(), v.imported(),
				v.publishedOn(), Instant.parse("2026-01-01T00:00:00Z"));
	}

	@BeforeEach
	void stub() {
		fgj = agencies.findByCode("yiyuan-fgj").orElseThrow();
		first = view(fgj, 2025, ReportFormat.F2021, 1, ReportStatus.PUBLISHED, null, false);
		correction = view(fgj, 2025, ReportFormat.F2021, 2, ReportStatus.PUBLISHED, "表三自然人一栏录入有误", false);
		imported = view(fgj, 2020, ReportFormat.F2019, 1, ReportStatus.PUBLISHED, null, true);
		ReportView draft = view(fgj, 2024, ReportFormat.F2021, 1, ReportStatus.DRAFT, null, false);
		when(queries.published(fgj.id(), 2025)).thenReturn(Optional.of(correction));
		when(queries.publishedVersion(fgj.id(), 2025, 1)).thenReturn(Optional.of(first));
		when(queries.publishedVersion(fgj.id(), 2025, 2)).thenReturn(Optional.of(correction));
		when(queries.publishedVersions(fgj.id(), 2025)).thenReturn(List.of(summary(first), summary(correction)));
		when(queries.published(fgj.id(), 2020)).thenReturn(Optional.of(imported));
		when(queries.publishedVersions(fgj.id(), 2020)).thenReturn(List.of(summary(imported)));
		// should the store ever hand out a draft, the public side still refuses it
		when(queries.published(fgj.id(), 2024)).thenReturn(Optional.of(draft));
		when(queries.publishedVersion(fgj.id(), 2024, 1)).thenReturn(Optional.of(draft));
		when(queries.publishedSeries(fgj.id())).thenReturn(List.of(correction, imported));
	}

	HttpResponse<byte[]> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	String page(String path) throws Exception {
		HttpResponse<byte[]> r = get(path);
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		assertThat(r.headers().firstValue("Set-Cookie")).as("public pages set no cookie").isEmpty();
		return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theYearPageShowsTheLatestVersionWithItsHeadersAndEveryVersionWithItsReason() throws Exception {
		String html = page("/agencies/yiyuan-fgj/annual-reports/2025/");
		assertThat(html).contains("<h1 id=\"report-title\">" + correction.title() + "</h1>", "第2版（更正）",
				"更正说明：表三自然人一栏录入有误", "<caption>第二十条第（一）项</caption>", "colspan=\"7\">申请人情况</th>",
				"data-cell=\"t3.r1.naturalPerson\">" + correction.cells().get("t3.r1.naturalPerson") + "</td>",
				"首次发布", "更正：表三自然人一栏录入有误", "/agencies/yiyuan-fgj/annual-reports/2025/v1/",
				"/agencies/yiyuan-fgj/annual-reports/2025/v2/report.docx", "elder-toggle", "一、总体情况",
				"本年度公开工作总体情况。");
		String old = page("/agencies/yiyuan-fgj/annual-reports/2025/v1");
		assertThat(old).contains("本页是已被更正的第<span>1</span>版").doesNotContain("更正说明", "rel=\"canonical\"");
		assertThat(page("/agencies/yiyuan-fgj/annual-reports/2025/v2/"))
			.contains("rel=\"canonical\" href=\"/agencies/yiyuan-fgj/annual-reports/2025/\"");
		assertThat(page("/agencies/yiyuan-fgj/annual-reports/2020/")).contains("历史导入", "2019年版格式",
				"<caption>第二十条第（九）项</caption>");
	}

	@Test
	void downloadsAreTheFormatsWithAChineseFileName() throws Exception {
		HttpResponse<byte[]> word = get("/agencies/yiyuan-fgj/annual-reports/2025/v2/report.docx");
		assertThat(word.statusCode()).isEqualTo(200);
		assertThat(word.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(ReportFile.DOCX);
		assertThat(word.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"yiyuan-fgj-2025-v2.docx\"; filename*=UTF-8''"
					+ java.net.URLEncoder.encode(correction.title() + "（第2版）.docx", java.nio.charset.StandardCharsets.UTF_8));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.body()))) {
			assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(correction.title());
		}
		HttpResponse<byte[]> excel = get("/agencies/yiyuan-fgj/annual-reports/2025/report.xlsx");
		assertThat(excel.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(ReportFile.XLSX);
		assertThat(ReportWorkbook.read(new ByteArrayInputStream(excel.body()), ReportFormat.F2021).get("t3.r1.naturalPerson"))
			.isEqualByComparingTo(correction.cells().get("t3.r1.naturalPerson"));
		if (new org.gongkai.platform.CjkFonts("").file().isPresent()) {
			HttpResponse<byte[]> pdf = get("/agencies/yiyuan-fgj/annual-reports/2025/v1/report.pdf");
			assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
			assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		}
	}

	@Test
	void anythingNotPublishedIsNotFound() throws Exception {
		for (String path : List.of("/agencies/yiyuan-fgj/annual-reports/2024/", "/agencies/yiyuan-fgj/annual-reports/2024/v1/",
				"/agencies/yiyuan-fgj/annual-reports/2024/report.docx", "/agencies/yiyuan-fgj/annual-reports/2024/v1/report.pdf",
				"/agencies/yiyuan-fgj/annual-reports/2023/", "/agencies/yiyuan-fgj/annual-reports/2025/v3/",
				"/agencies/yiyuan-fgj/annual-reports/2025/v3/report.xlsx", "/agencies/no-such-agency/annual-reports/2025/")) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(pages.publicPaths()).contains("/annual-reports/", "/agencies/yiyuan-fgj/annual-reports/2025/",
				"/agencies/yiyuan-fgj/annual-reports/2025/v1/", "/agencies/yiyuan-fgj/annual-reports/2025/v2/",
				"/agencies/yiyuan-fgj/annual-reports/2020/")
			.noneMatch(p -> p.contains("/2024/"));
	}

	@Test
	void theColumnPageListsTheReportsOnceOneIsPublishedAndTheOverviewLinksThem() throws Exception {
		transactions.executeWithoutResult(s -> events.publishEvent(new AnnualReportPublished(correction.reportId(),
				fgj.id(), 2025, 2)));
		String column = null;
		for (int i = 0; i < 100; i++) {
			column = page("/agencies/yiyuan-fgj/annual-reports/");
			if (column.contains(correction.title())) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(column).contains("href=\"/agencies/yiyuan-fgj/annual-reports/2025/\"", "2021年版格式·已更正（第2版）",
				"href=\"/agencies/yiyuan-fgj/annual-reports/2020/\"", "2019年版格式·历史导入")
			.doesNotContain("/annual-reports/2024/");
		assertThat(column.indexOf("/annual-reports/2025/")).isLessThan(column.indexOf("/annual-reports/2020/"));
		assertThat(page("/annual-reports/")).contains("href=\"/agencies/yiyuan-fgj/annual-reports/2025/\"", "2025年度",
				"已更正");
	}
}
