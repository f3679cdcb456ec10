package org.gongkai.report;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's roll-up of a report year (政务公开办): every active agency it supervises (its subtree; every
 * agency for the system administrator) with its deadline, its current version and whether it is late, and the sum of
 * the agencies' cells for the county's own report.
 */
@Service
@Transactional(readOnly = true)
public class ReportRollup {

	private final AnnualReports reports;

	private final AnnualReportQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	ReportRollup(AnnualReports reports, AnnualReportQueries queries, AgencyDirectory agencies, AgencyAccess access) {
		this.reports = reports;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
	}

	/** One row per supervised active agency, in the agency tree's order. */
	public List<RollupRow> status(int year) {
		List<RollupRow> rows = new ArrayList<>();
		java.time.LocalDate today = queries.today();
		for (Map.Entry<Agency, AnnualReports.Stored> e : current(year).entrySet()) {
			Agency a = e.getKey();
			AnnualReports.Stored s = e.getValue();
			ReportDeadline deadline = queries.deadline(a.id(), year);
			boolean published = s != null && s.status() == ReportStatus.PUBLISHED;
			boolean late = !published && today.isAfter(deadline.dueOn());
			Long daysLeft = published ? null : ChronoUnit.DAYS.between(today, deadline.dueOn());
			rows.add(new RollupRow(a.id(), a.code(), a.name(), deadline, s == null ? null : s.summary(), late, daysLeft));
		}
		return rows;
	}

	/** The sum of the cells of the agencies' current versions (a fee amount stays blank when none entered one). */
	public ReportCells summary(int year) {
		Map<String, BigDecimal> sum = new LinkedHashMap<>();
		for (AnnualReports.Stored s : current(year).values()) {
			if (s == null || s.format() != ReportFormat.F2021) {
				continue;
			}
			queries.cellsOf(s).values().forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
		}
		return new ReportCells(sum);
	}

	/** The supervised agencies with their current version (latest published, else the newest), null when none. */
	private Map<Agency, AnnualReports.Stored> current(int year) {
		Actor actor = Actors.require();
		List<Agency> supervised = actor.isSystemAdmin() ? agencies.active()
				: agencies.active().stream().filter(a -> access.allows(actor, a.id(), Role.SUPERVISOR)).toList();
		if (supervised.isEmpty()) {
			throw DomainException.forbidden("只有政务公开主管部门可以查看年度报告汇总");
		}
		Map<Long, AnnualReports.Stored> published = new LinkedHashMap<>();
		Map<Long, AnnualReports.Stored> newest = new LinkedHashMap<>();
		for (AnnualReports.Stored s : reports.ofYear(supervised.stream().map(Agency::id).toList(), year)) {
			newest.putIfAbsent(s.agencyId(), s);
			if (s.status() == ReportStatus.PUBLISHED) {
				published.putIfAbsent(s.agencyId(), s);
			}
		}
		Map<Agency, AnnualReports.Stored> out = new LinkedHashMap<>();
		for (Agency a : supervised) {
			AnnualReports.Stored s = published.containsKey(a.id()) ? published.get(a.id()) : newest.get(a.id());
			out.put(a, s);
		}
		return out;
	}
}
