package org.gongkai.powers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly figures of enforcement, counted from the records: the annual report's table 二 rows 第二十条第（五）项
 * 行政许可, 第（六）项 行政处罚 and 行政强制 (本年处理决定数量, by decision date) and 第（八）项 行政事业性收费 (本年收费金额,
 * 万元, as the agency entered it; null when not entered), and the publication on-time figures of the year.
 */
@Service
@Transactional(readOnly = true)
public class EnforcementStatistics {

	/** Table 二's enforcement cells for one agency and year. */
	public record Table2(long agencyId, int year, long licences, long penalties, long compulsoryMeasures,
			BigDecimal feesTenThousandYuan) {
	}

	/** Publication figures: decisions published in the year, of which late, and unpublished ones past their limit now. */
	public record Publication(int year, long published, long onTime, long late, long overdueUnpublished) {
	}

	private final Decisions decisions;

	private final AgencyAccess access;

	private final Clock clock;

	EnforcementStatistics(Decisions decisions, AgencyAccess access, Clock clock) {
		this.decisions = decisions;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Table 二's enforcement cells: the decisions of each kind whose decision date lies in the year (本年处理决定数量),
	 * whatever became of them later (a decision changed or withdrawn afterwards was still made in the year), and the
	 * fee amount as entered. Staff of the agency (any role), a supervisor over it or a system administrator may read
	 * it: counts only.
	 */
	public Table2 table2(long agencyId, int year) {
		requireAccess(agencyId);
		List<Decision> all = decisions.decidedIn(agencyId, year);
		return new Table2(agencyId, year, count(all, DecisionKind.LICENCE), count(all, DecisionKind.PENALTY),
				count(all, DecisionKind.COMPULSORY_MEASURE), decisions.fee(agencyId, year).orElse(null));
	}

	/**
	 * The decisions behind a count of {@link #table2}, from the same list: reference the decision number, title the
	 * kind and category with the party only when its name is public unmasked (never a natural person's name), date the
	 * decision date, and the decision's console page.
	 */
	public List<CountedRecord> records(long agencyId, int year, DecisionKind kind) {
		requireAccess(agencyId);
		return decisions.decidedIn(agencyId, year)
			.stream()
			.filter(d -> d.kind() == kind)
			.map(d -> new CountedRecord(d.decisionNumber(), title(d), d.decidedOn(), "/console/enforcement/decisions/" + d.id()))
			.toList();
	}

	private static String title(Decision d) {
		StringBuilder t = new StringBuilder(d.kind().label()).append("决定");
		if (d.category() != null && !d.category().isBlank()) {
			t.append("（").append(d.category().trim()).append("）");
		}
		if (!EnforcementRules.masksPartyName(d.partyType(), d.partyCreditCode()) && d.partyName() != null) {
			t.append("：").append(d.partyName());
		}
		if (d.status() == DecisionStatus.WITHDRAWN) {
			t.append("（").append(d.status().label()).append("）");
		}
		return t.toString();
	}

	private void requireAccess(long agencyId) {
		// the same rule as GET /api/v1/reports/enforcement: any staff role of the agency, supervisors over it
		access.require(agencyId, Role.values());
	}

	public Publication publication(Collection<Long> agencyIds, int year) {
		List<Decision> published = decisions.publishedIn(agencyIds, year);
		long late = published.stream().filter(d -> Boolean.TRUE.equals(d.publicationLate())).count();
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		long overdue = decisions.unpublished(agencyIds).stream().filter(d -> d.overdue(today)).count();
		return new Publication(year, published.size(), published.size() - late, late, overdue);
	}

	private static long count(List<Decision> all, DecisionKind kind) {
		return all.stream().filter(d -> d.kind() == kind).count();
	}
}
