package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The public side of published reports over HTTP, on reports made through the core's workflow: an imported 2020
 * report (2019 format), a 2025 report published and then corrected (version 2), a 2024 draft. The year page with
 * accessible tables and its versions, the downloads, 404 for anything not published, the 年度报告 column page
 * listing the reports once published, the overview and the sitemap.
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

	@Autowired
	AnnualReportQueries queries;

	@Autowired
	AnnualReportManagement management;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	ReportPages pages;

	private final HttpClient http = HttpClient.newHttpClient();

	private static boolean prepared;

	Agency fgj;

	ReportView first;

	ReportView correction;

	void as(String username, Role role) {
		Actor actor = new Actor(fgj.id() * 100 + role.ordinal(), username, username, fgj.id(),
				List.of(new RoleGrant(role, fgj.id(), false)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	long throughWorkflow(long reportId) {
		as("fgj-editor", Role.EDITOR);
		management.submit(reportId);
		as("fgj-reviewer", Role.REVIEWER);
		management.review(reportId, "同意");
		as("fgj-leader", Role.APPROVER);
		management.approve(reportId, "同意发布");
		as("fgj-editor", Role.EDITOR);
		management.publish(reportId);
		return reportId;
	}

	@BeforeEach
	void prepare() {
		fgj = agencies.findByCode("yiyuan-fgj").orElseThrow();
		if (!prepared) {
			try {
				as("fgj-editor", Role.EDITOR);
				ReportCells cells = ReportCells.empty()
					.with("t2.rules.made", BigDecimal.valueOf(2))
					.with("t3.new.naturalPerson", BigDecimal.valueOf(3))
					.with("t3.new.total", BigDecimal.valueOf(3))
					.with("t3.r1.naturalPerson", BigDecimal.valueOf(2))
					.with("t3.r1.total", BigDecimal.valueOf(2))
					.with("t3.rTotal.naturalPerson", BigDecimal.valueOf(2))
					.with("t3.rTotal.total", BigDecimal.valueOf(2))
					.with("t3.carriedOut.naturalPerson", BigDecimal.valueOf(1))
					.with("t3.carriedOut.total", BigDecimal.valueOf(1));
				management.importHistory(new ReportImportInput(fgj.id(), 2020, ReportFormat.F2019, cells, "2020年总体情况。",
						"存在的问题。", "无其他事项。", LocalDate.of(2021, 1, 20), null));
				long v1 = throughWorkflow(management.start(fgj.id(), 2025).view().reportId());
				as("fgj-editor", Role.EDITOR);
				long v2 = management.correct(fgj.id(), 2025, "表三自然人一栏录入有误").view().reportId();
				assertThat(v2).isNotEqualTo(v1);
				throughWorkflow(v2);
				as("fgj-editor", Role.EDITOR);
				management.start(fgj.id(), 2024);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			prepared = true;
		}
		first = queries.publishedVersion(fgj.id(), 2025, 1).orElseThrow();
		correction = queries.published(fgj.id(), 2025).orElseThrow();
		assertThat(correction.version()).isEqualTo(2);
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
				"data-cell=\"t3.r1.naturalPerson\">" + ReportTableGrid.plain(correction.cells().get("t3.r1.naturalPerson")) + "</td>",
				"首次发布", "更正：表三自然人一栏录入有误", "/agencies/yiyuan-fgj/annual-reports/2025/v1/",
				"/agencies/yiyuan-fgj/annual-reports/2025/v2/report.docx", "elder-toggle", "一、总体情况",
				"六、其他需要报告的事项");
		String old = page("/agencies/yiyuan-fgj/annual-reports/2025/v1");
		assertThat(old).contains("本页是已被更正的第<span>1</span>版").doesNotContain("更正说明", "rel=\"canonical\"");
		assertThat(page("/agencies/yiyuan-fgj/annual-reports/2025/v2/"))
			.contains("rel=\"canonical\" href=\"/agencies/yiyuan-fgj/annual-reports/2025/\"");
		assertThat(page("/agencies/yiyuan-fgj/annual-reports/2020/")).contains("历史导入", "2019年版格式", "2020年总体情况。",
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
		String column = null;
		for (int i = 0; i < 100; i++) {
			column = page("/agencies/yiyuan-fgj/annual-reports/");
			if (column.contains(correction.title()) && column.contains("历史导入")) {
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
