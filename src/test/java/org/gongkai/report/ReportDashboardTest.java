package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The dashboard's wording grows more urgent 30, 14, 7, 3 and 1 days before the deadline and says 「已逾期」 after. */
class ReportDashboardTest {

	static final LocalDate DUE = LocalDate.of(2027, 1, 31);

	@Test
	void theWordingEscalatesAtThirtyFourteenSevenThreeAndOneDaysAndAfterTheDeadline() {
		assertThat(ReportDashboard.urgency(31, DUE)).isEqualTo("公布期限 2027-01-31，还有 31 天");
		assertThat(ReportDashboard.urgency(30, DUE)).startsWith("距公布期限不足30天");
		assertThat(ReportDashboard.urgency(15, DUE)).startsWith("距公布期限不足30天");
		assertThat(ReportDashboard.urgency(14, DUE)).startsWith("不足两周");
		assertThat(ReportDashboard.urgency(8, DUE)).startsWith("不足两周");
		assertThat(ReportDashboard.urgency(7, DUE)).startsWith("不足一周");
		assertThat(ReportDashboard.urgency(4, DUE)).startsWith("不足一周");
		assertThat(ReportDashboard.urgency(3, DUE)).startsWith("仅剩 3 天");
		assertThat(ReportDashboard.urgency(2, DUE)).startsWith("仅剩 2 天");
		assertThat(ReportDashboard.urgency(1, DUE)).startsWith("明天");
		assertThat(ReportDashboard.urgency(0, DUE)).startsWith("今天");
		assertThat(ReportDashboard.urgency(-1, DUE)).startsWith("已逾期 1 天");
		assertThat(ReportDashboard.urgency(-40, DUE)).startsWith("已逾期 40 天").contains("2027-01-31");
	}
}
