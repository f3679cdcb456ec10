package org.gongkai.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/**
 * The public pages of published annual reports, rendered from published versions only (a draft, a reviewed or an
 * approved version never reaches them): the page of a year (its latest published version, with every earlier version
 * and correction listed with its date and reason), the page of one version, the county-wide overview, and the
 * sitemap entries. The list of years is the agency's 年度报告 column page, written by the publication module with
 * the entries {@link ReportNodeEntries} contributes.
 */
@Component
class ReportPages implements SitemapContributor {

	/** The catalogue's level-one column every agency has (catalog's Catalog.ANNUAL_REPORTS). */
	static final String NODE = "annual-reports";

	/** How many of the latest years the overview shows. */
	static final int OVERVIEW_YEARS = 3;

	private final PageRenderer renderer;

	private final AnnualReportQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final ReportPdf pdf;

	ReportPages(PageRenderer renderer, AnnualReportQueries queries, AgencyDirectory agencies, AgencyColumns columns,
			ReportPdf pdf) {
		this.renderer = renderer;
		this.queries = queries;
		this.agencies = agencies;
		this.columns = columns;
		this.pdf = pdf;
	}

	static String columnPath(Agency agency) {
		return "/agencies/" + agency.code() + "/" + NODE + "/";
	}

	static String yearPath(Agency agency, int year) {
		return columnPath(agency) + year + "/";
	}

	static String versionPath(Agency agency, int year, int version) {
		return yearPath(agency, year) + "v" + version + "/";
	}

	static String filePath(Agency agency, int year, int version, String extension) {
		return versionPath(agency, year, version) + "report." + extension;
	}

	/** The latest published version of the year. */
	Optional<String> yearPage(Agency agency, int year) {
		return queries.published(agency.id(), year).filter(v -> v.status() == ReportStatus.PUBLISHED)
			.map(view -> page(agency, view, true));
	}

	/** One published version. */
	Optional<String> versionPage(Agency agency, int year, int version) {
		return queries.publishedVersion(agency.id(), year, version).filter(v -> v.status() == ReportStatus.PUBLISHED)
			.map(view -> page(agency, view, false));
	}

	private String page(Agency agency, ReportView view, boolean yearPage) {
		List<ReportSummary> versions = queries.publishedVersions(agency.id(), view.year())
			.stream()
			.filter(s -> s.status() == ReportStatus.PUBLISHED)
			.sorted(java.util.Comparator.comparingInt(ReportSummary::version).reversed())
			.toList();
		int latest = versions.stream().mapToInt(ReportSummary::version).max().orElse(view.version());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ReportSummary s : versions) {
			Map<String, Object> row = new HashMap<>();
			row.put("version", s.version());
			row.put("publishedOn", s.publishedOn());
			row.put("href", versionPath(agency, s.year(), s.version()));
			row.put("current", s.version() == view.version());
			row.put("latest", s.version() == latest);
			String note = s.version() == view.version() ? view.correctionNote()
					: s.version() > 1 ? queries.publishedVersion(agency.id(), s.year(), s.version())
						.map(ReportView::correctionNote)
						.orElse(null) : null;
			row.put("note", s.version() == 1 ? (s.imported() ? "首次发布（历史导入）" : "首次发布") : note == null ? "更正" : "更正：" + note);
			rows.add(row);
		}
		List<Map<String, String>> downloads = new ArrayList<>();
		downloads.add(Map.of("label", "Word版（.docx）", "href", filePath(agency, view.year(), view.version(), "docx")));
		if (pdf.available()) {
			downloads.add(Map.of("label", "PDF版（.pdf）", "href", filePath(agency, view.year(), view.version(), "pdf")));
		}
		downloads.add(Map.of("label", "Excel数据表（.xlsx）", "href", filePath(agency, view.year(), view.version(), "xlsx")));
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("columns", columns.of(agency.id()));
		model.put("view", view);
		model.put("versions", rows);
		model.put("latest", view.version() == latest);
		model.put("latestHref", yearPath(agency, view.year()));
		model.put("yearPage", yearPage);
		model.put("columnPath", columnPath(agency));
		model.put("downloads", downloads);
		model.put("versionLine", ReportRendering.versionLine(view));
		model.put("correctionLine", ReportRendering.correctionLine(view));
		return renderer.render("report/page", model);
	}

	/** Every active agency's published reports of the latest years, one row per agency. */
	String overviewPage() {
		Map<Agency, Map<Integer, ReportSummary>> byAgency = new LinkedHashMap<>();
		TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
		for (Agency agency : agencies.active()) {
			Map<Integer, ReportSummary> reports = new HashMap<>();
			for (ReportSummary v : queries.publishedYears(agency.id())) {
				reports.put(v.year(), v);
				years.add(v.year());
			}
			byAgency.put(agency, reports);
		}
		List<Integer> shown = years.stream().limit(OVERVIEW_YEARS).toList();
		List<Map<String, Object>> rows = new ArrayList<>();
		byAgency.forEach((agency, reports) -> {
			List<Map<String, Object>> cells = new ArrayList<>();
			for (int year : shown) {
				ReportSummary v = reports.get(year);
				Map<String, Object> cell = new HashMap<>();
				cell.put("year", year);
				cell.put("href", v == null ? null : yearPath(agency, year));
				cell.put("note", v == null ? null : v.version() > 1 ? "已更正" : v.imported() ? "历史导入" : null);
				cells.add(cell);
			}
			Map<String, Object> row = new HashMap<>();
			row.put("agency", agency);
			row.put("column", columnPath(agency));
			row.put("cells", cells);
			rows.add(row);
		});
		Map<String, Object> model = new HashMap<>();
		model.put("years", shown);
		model.put("rows", rows);
		return renderer.render("report/overview", model);
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add("/annual-reports/");
		for (Agency agency : agencies.active()) {
			for (ReportSummary v : queries.publishedYears(agency.id())) {
				paths.add(yearPath(agency, v.year()));
				for (ReportSummary s : queries.publishedVersions(agency.id(), v.year())) {
					if (s.status() == ReportStatus.PUBLISHED) {
						paths.add(versionPath(agency, s.year(), s.version()));
					}
				}
			}
		}
		return paths;
	}
}
