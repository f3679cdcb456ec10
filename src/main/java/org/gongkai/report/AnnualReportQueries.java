package org.gongkai.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of annual reports. The staff side needs a staff member of the agency (editor, administrator, reviewer,
 * approver, or a supervisor above it) or the agency's token with scope {@code reports}; the public side needs no one
 * and only ever sees {@link ReportStatus#PUBLISHED} versions.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReportQueries {

	/** The token scope that reads reports (identity.TokenScope.REPORTS). */
	static final String SCOPE = "reports";

	static final Role[] READERS = { Role.EDITOR, Role.AGENCY_ADMIN, Role.REVIEWER, Role.APPROVER, Role.SUPERVISOR };

	private final AnnualReports reports;

	private final ReportComposer composer;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	private final MonthDay townshipDeadline;

	AnnualReportQueries(AnnualReports reports, ReportComposer composer, AgencyDirectory agencies, AgencyAccess access,
			Clock clock, @Value("${gongkai.report.township-deadline:02-20}") String townshipDeadline) {
		this.reports = reports;
		this.composer = composer;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
		this.townshipDeadline = ReportRules.townshipDeadline(townshipDeadline);
	}

	/** Staff: the newest version of the year, any status; cells live while in draft, frozen from approval on. */
	public Optional<ReportWork> working(long agencyId, int year) {
		requireReader(agencyId);
		return reports.ofYear(agencyId, year).stream().findFirst().map(this::work);
	}

	/** Staff: one version. */
	public Optional<ReportWork> work(long reportId) {
		Optional<AnnualReports.Stored> r = reports.find(reportId);
		r.ifPresent(s -> requireReader(s.agencyId()));
		return r.map(this::work);
	}

	/** Staff: every version, newest year first. */
	public List<ReportSummary> reports(long agencyId) {
		requireReader(agencyId);
		return reports.ofAgency(agencyId).stream().map(AnnualReports.Stored::summary).toList();
	}

	/** Staff: the records behind a cell (empty for imported reports and for cells of other formats). */
	public List<CountedRecord> cellRecords(long reportId, String cellKey) {
		AnnualReports.Stored r = reports.find(reportId).orElseThrow(() -> DomainException.notFound("没有这份年度报告"));
		requireReader(r.agencyId());
		if (r.imported() || ReportLayout.of(r.format()).columnOf(cellKey).isEmpty()) {
			return List.of();
		}
		return composer.records(r.agencyId(), r.year(), cellKey);
	}

	/** Staff: the reminders the daily sweep recorded for the agency, newest first. */
	public List<ReportReminder> reminders(long agencyId) {
		requireReader(agencyId);
		return reports.reminders(agencyId);
	}

	/** The deadline of the agency's report for the year (no actor needed: the rule is public). */
	public ReportDeadline deadline(long agencyId, int year) {
		return ReportRules.deadline(agencies.requireById(agencyId), year, townshipDeadline);
	}

	/** Public: the latest published version of every year, newest year first. */
	public List<ReportView> publishedSeries(long agencyId) {
		Map<Integer, AnnualReports.Stored> latest = new LinkedHashMap<>();
		for (AnnualReports.Stored s : reports.ofAgency(agencyId)) {
			if (s.status() == ReportStatus.PUBLISHED) {
				latest.putIfAbsent(s.year(), s);
			}
		}
		return latest.values().stream().map(this::publishedView).toList();
	}

	/**
	 * Public: the latest published version of every year, newest year first, without its cells: what lists, the
	 * column page and the sitemap need.
	 */
	public List<ReportSummary> publishedYears(long agencyId) {
		Map<Integer, ReportSummary> latest = new LinkedHashMap<>();
		for (AnnualReports.Stored s : reports.ofAgency(agencyId)) {
			if (s.status() == ReportStatus.PUBLISHED) {
				latest.putIfAbsent(s.year(), s.summary());
			}
		}
		return List.copyOf(latest.values());
	}

	/** Public: the latest published version of the year. */
	public Optional<ReportView> published(long agencyId, int year) {
		return reports.ofYear(agencyId, year)
			.stream()
			.filter(s -> s.status() == ReportStatus.PUBLISHED)
			.findFirst()
			.map(this::publishedView);
	}

	/** Public: one published version. */
	public Optional<ReportView> publishedVersion(long agencyId, int year, int version) {
		return reports.ofYear(agencyId, year)
			.stream()
			.filter(s -> s.status() == ReportStatus.PUBLISHED && s.version() == version)
			.findFirst()
			.map(this::publishedView);
	}

	/** Public: every published version of the year, newest first (corrections visible). */
	public List<ReportSummary> publishedVersions(long agencyId, int year) {
		return reports.ofYear(agencyId, year)
			.stream()
			.filter(s -> s.status() == ReportStatus.PUBLISHED)
			.map(AnnualReports.Stored::summary)
			.toList();
	}

	/** Whether the current actor may read the agency's unpublished reports (no exception). */
	public boolean mayReadWorking(long agencyId) {
		return Actors.current().map(a -> reads(a, agencyId)).orElse(false);
	}

	Actor requireReader(long agencyId) {
		Actor actor = Actors.require();
		if (!reads(actor, agencyId)) {
			throw DomainException.forbidden("您没有查看该单位年度报告的权限");
		}
		return actor;
	}

	private boolean reads(Actor actor, long agencyId) {
		if (actor.token()) {
			return actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId;
		}
		return access.allows(actor, agencyId, READERS);
	}

	private ReportView publishedView(AnnualReports.Stored s) {
		return view(s, reports.cells(s.id()));
	}

	/** The cells a version shows: frozen from approval on and for imports, composed from the records before. */
	ReportCells cellsOf(AnnualReports.Stored s) {
		if (s.imported() || s.status() == ReportStatus.APPROVED || s.status() == ReportStatus.PUBLISHED) {
			return reports.cells(s.id());
		}
		return composer.compose(s.agencyId(), s.year());
	}

	ReportWork work(AnnualReports.Stored s) {
		ReportView view = view(s, cellsOf(s));
		return work(s, view);
	}

	ReportWork work(AnnualReports.Stored s, ReportView view) {
		List<ReportProblem> problems = ReportChecks.check(view, comparables(s));
		ReportFacts facts = s.imported() ? ReportFacts.none(s.year()) : composer.facts(s.agencyId(), s.year());
		return new ReportWork(view, s.revision(), problems, reports.events(s.id()), deadline(s.agencyId(), s.year()),
				facts);
	}

	/** The reports the texts must not copy: the agency's previous year and other agencies' reports of the year. */
	List<ReportView> comparables(AnnualReports.Stored s) {
		List<ReportView> out = new ArrayList<>();
		reports.ofYear(s.agencyId(), s.year() - 1).stream().findFirst().ifPresent(p -> out.add(view(p, ReportCells.empty())));
		Map<Long, AnnualReports.Stored> others = new LinkedHashMap<>();
		for (AnnualReports.Stored o : reports.publishedOfYear(s.year())) {
			if (o.agencyId() != s.agencyId()) {
				others.putIfAbsent(o.agencyId(), o);
			}
		}
		others.values().forEach(o -> out.add(view(o, ReportCells.empty())));
		return out;
	}

	ReportView view(AnnualReports.Stored s, ReportCells cells) {
		Agency agency = agencies.requireById(s.agencyId());
		List<ReportView.Part> parts = new ArrayList<>();
		if (!s.imported()) {
			for (ReportSixPart p : ReportSixPart.values()) {
				parts.add(new ReportView.Part(p.label(), nz(s.parts().get(p))));
			}
		}
		List<ReportView.SectionText> sections = List.of(
				new ReportView.SectionText(ReportLayout.Section.ONE, nz(s.one()), List.of()),
				new ReportView.SectionText(ReportLayout.Section.FIVE, nz(s.five()), List.of()),
				new ReportView.SectionText(ReportLayout.Section.SIX, nz(s.six()), List.copyOf(parts)));
		return new ReportView(s.id(), s.agencyId(), agency.code(), agency.name(), s.year(), s.format(), s.version(),
				s.status(), s.publishedOn(), s.correctionReason(), s.imported(), sections, cells);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
