package org.gongkai.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published annual reports in the site search: one entry per agency and year, the latest published version (a
 * correction replaces the entry of the version it corrects, which stays readable on its version page but leaves the
 * index). Drafts and reports in review never appear. The body is the edited text of sections 一, 五 and 六; the
 * tables are numbers and stay on the page.
 */
@Component
@Order(85)
class ReportSearchSource implements SearchSource {

	static final String KIND = "annual-report";

	private final JdbcClient jdbc;

	private final AnnualReportQueries queries;

	private final AgencyDirectory agencies;

	ReportSearchSource(JdbcClient jdbc, AnnualReportQueries queries, AgencyDirectory agencies) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.agencies = agencies;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "年度报告";
	}

	@Override
	public int order() {
		return 85;
	}

	private record Key(long id, long agencyId, int year) {
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return jdbc.sql("SELECT id, agency_id, report_year FROM rp_report WHERE id = ? AND status = 'PUBLISHED'")
			.param(id)
			.query((rs, n) -> new Key(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
			.optional()
			.flatMap(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		latestPublished(null).forEach(k -> entry(k).ifPresent(sink));
	}

	@Override
	public void forEachPublicOfAgency(long agencyId, Consumer<SearchEntry> sink) {
		latestPublished(agencyId).forEach(k -> entry(k).ifPresent(sink));
	}

	/** The ids of the published versions of an agency's year: the one to show and the ones it superseded. */
	List<Long> publishedVersionIds(long agencyId, int year) {
		return jdbc
			.sql("SELECT id FROM rp_report WHERE agency_id = ? AND report_year = ? AND status = 'PUBLISHED' ORDER BY id")
			.params(agencyId, year)
			.query(Long.class)
			.list();
	}

	private List<Key> latestPublished(Long agencyId) {
		String sql = "SELECT r.id, r.agency_id, r.report_year FROM rp_report r WHERE r.status = 'PUBLISHED'"
				+ (agencyId == null ? "" : " AND r.agency_id = :agency")
				+ " AND r.version = (SELECT MAX(p.version) FROM rp_report p WHERE p.agency_id = r.agency_id"
				+ " AND p.report_year = r.report_year AND p.status = 'PUBLISHED') ORDER BY r.id";
		var spec = jdbc.sql(sql);
		if (agencyId != null) {
			spec = spec.param("agency", agencyId);
		}
		return new ArrayList<>(spec.query((rs, n) -> new Key(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list());
	}

	private Optional<SearchEntry> entry(Key key) {
		Optional<Agency> agency = agencies.findById(key.agencyId()).filter(Agency::active);
		if (agency.isEmpty()) {
			return Optional.empty();
		}
		return queries.published(key.agencyId(), key.year())
			.filter(view -> view.reportId() == key.id())
			.map(view -> new SearchEntry(KIND, view.reportId(), view.agencyId(),
					ReportPages.yearPath(agency.get(), view.year()), view.title(), body(view), "",
					view.publishedOn() != null ? view.publishedOn() : java.time.LocalDate.of(view.year() + 1, 1, 1),
					null, "政府信息公开工作年度报告 年报 " + view.year() + "年度", false));
	}

	private static String body(ReportView view) {
		List<String> parts = new ArrayList<>();
		if (view.correctionNote() != null) {
			parts.add("更正说明：" + view.correctionNote());
		}
		for (ReportView.SectionText s : view.sections()) {
			parts.add(s.section().heading());
			parts.add(s.text());
			for (ReportView.Part p : s.parts()) {
				parts.add(p.title());
				parts.add(p.text());
			}
		}
		return SearchEntry.lines(parts);
	}
}
