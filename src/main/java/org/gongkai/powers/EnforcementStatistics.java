package org.gongkai.powers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

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

	private final Clock clock;

	EnforcementStatistics(Decisions decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	public Table2 table2(long agencyId, int year) {
		List<Decision> all = decisions.decidedIn(agencyId, year);
		return new Table2(agencyId, year, count(all, DecisionKind.LICENCE), count(all, DecisionKind.PENALTY),
				count(all, DecisionKind.COMPULSORY_MEASURE), decisions.fee(agencyId, year).orElse(null));
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
