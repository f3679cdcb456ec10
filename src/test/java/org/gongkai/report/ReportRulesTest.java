package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.junit.jupiter.api.Test;

/** The deadlines of 条例第四十九条 per agency type and level, the township setting, and the reminder schedule. */
class ReportRulesTest {

	@Test
	void departmentsOfCountyLevelAndAbovePublishBy31January() {
		for (AgencyLevel level : new AgencyLevel[] { AgencyLevel.PROVINCE, AgencyLevel.CITY, AgencyLevel.COUNTY }) {
			for (AgencyType type : new AgencyType[] { AgencyType.DEPARTMENT, AgencyType.DISPATCHED_BODY, AgencyType.OTHER }) {
				ReportDeadline d = ReportRules.deadline(agency(level, type), 2025, null);
				assertThat(d.dueOn()).as(level + "/" + type).isEqualTo(LocalDate.of(2026, 1, 31));
				assertThat(d.statutory()).isTrue();
				assertThat(d.basis()).contains("第四十九条").contains("1月31日");
			}
		}
	}

	@Test
	void governmentsOfCountyLevelAndAbovePublishBy31March() {
		for (AgencyLevel level : new AgencyLevel[] { AgencyLevel.PROVINCE, AgencyLevel.CITY, AgencyLevel.COUNTY }) {
			ReportDeadline d = ReportRules.deadline(agency(level, AgencyType.PEOPLES_GOVERNMENT), 2025, null);
			assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
			assertThat(d.statutory()).isTrue();
			assertThat(d.basis()).contains("第四十九条").contains("3月31日");
		}
	}

	@Test
	void townshipsAndVillagesFollowTheSupervisorsDateWhichIsNotStatutory() {
		ReportDeadline township = ReportRules.deadline(agency(AgencyLevel.TOWNSHIP, AgencyType.PEOPLES_GOVERNMENT), 2025, null);
		assertThat(township.dueOn()).isEqualTo(LocalDate.of(2026, 2, 20));
		assertThat(township.statutory()).isFalse();
		assertThat(township.basis()).contains("条例未规定").contains("2月20日");
		ReportDeadline street = ReportRules.deadline(agency(AgencyLevel.TOWNSHIP, AgencyType.DISPATCHED_BODY), 2025,
				MonthDay.of(2, 15));
		assertThat(street.dueOn()).isEqualTo(LocalDate.of(2026, 2, 15));
		assertThat(street.statutory()).isFalse();
		ReportDeadline village = ReportRules.deadline(agency(AgencyLevel.VILLAGE, AgencyType.OTHER), 2024,
				ReportRules.townshipDeadline("03-10"));
		assertThat(village.dueOn()).isEqualTo(LocalDate.of(2025, 3, 10));
		assertThat(village.statutory()).isFalse();
		assertThat(ReportRules.townshipDeadline(" ")).isEqualTo(MonthDay.of(2, 20));
	}

	@Test
	void remindersFall30_14_7_3And1DaysBeforeAndOnceOverdue() {
		assertThat(AnnualReportManagement.threshold(45)).isEqualTo(-1);
		assertThat(AnnualReportManagement.threshold(31)).isEqualTo(-1);
		assertThat(AnnualReportManagement.threshold(30)).isEqualTo(30);
		assertThat(AnnualReportManagement.threshold(15)).isEqualTo(30);
		assertThat(AnnualReportManagement.threshold(14)).isEqualTo(14);
		assertThat(AnnualReportManagement.threshold(8)).isEqualTo(14);
		assertThat(AnnualReportManagement.threshold(7)).isEqualTo(7);
		assertThat(AnnualReportManagement.threshold(3)).isEqualTo(3);
		assertThat(AnnualReportManagement.threshold(2)).isEqualTo(3);
		assertThat(AnnualReportManagement.threshold(1)).isEqualTo(1);
		assertThat(AnnualReportManagement.threshold(0)).isEqualTo(1);
		assertThat(AnnualReportManagement.threshold(-1)).isEqualTo(0);
		assertThat(AnnualReportManagement.threshold(-40)).isEqualTo(0);
	}

	private static Agency agency(AgencyLevel level, AgencyType type) {
		return new Agency(9, "x", "某单位", null, level, type, 1L, "/1/9/", null, null, 0, true, 1, Instant.EPOCH,
				Instant.EPOCH);
	}
}
