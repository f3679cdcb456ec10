package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.gongkai.platform.CountedRecord;
import org.junit.jupiter.api.Test;

/** The self-check's due day and lateness, and the records kept with an answer's figure, without Spring. */
class SelfCheckRulesTest {

	@Test
	void dueOnTheConfiguredDayOrTheLastDayOfAShortMonth() {
		assertThat(SelfCheckRules.dueOn(YearMonth.of(2026, 11), 25)).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(SelfCheckRules.dueOn(YearMonth.of(2026, 2), 30)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(SelfCheckRules.dueOn(YearMonth.of(2026, 2), 0)).isEqualTo(LocalDate.of(2026, 2, 1));
	}

	@Test
	void lateWhenReportedAfterTheDueDayOrNotReportedOnceItPassed() {
		LocalDate due = LocalDate.of(2026, 11, 25);
		assertThat(SelfCheckRules.late(due, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 10))).isFalse();
		assertThat(SelfCheckRules.late(due, LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 26))).isTrue();
		assertThat(SelfCheckRules.late(due, null, LocalDate.of(2026, 11, 25))).isFalse();
		assertThat(SelfCheckRules.late(due, null, LocalDate.of(2026, 11, 26))).isTrue();
	}

	@Test
	void recordsOfAFigureSurviveStorageWithTabsAndLineBreaksFlattened() {
		List<CountedRecord> records = List.of(new CountedRecord("问题1", "标题\t含制表符\n和换行", LocalDate.of(2026, 11, 9), "/console/x/1"),
				new CountedRecord(null, "无编号", null, null));
		List<CountedRecord> back = SelfCheckManagement.decode(SelfCheckManagement.encode(records));
		assertThat(back).containsExactly(new CountedRecord("问题1", "标题 含制表符 和换行", LocalDate.of(2026, 11, 9), "/console/x/1"),
				new CountedRecord(null, "无编号", null, null));
		assertThat(SelfCheckManagement.decode(null)).isEmpty();
	}
}
