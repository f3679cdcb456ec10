package org.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeLimitRuleTest {

	@ParameterizedTest
	@ValueSource(strings = { "WORKING_DAYS:20", "WORKING_DAYS:7", "CALENDAR_DAYS:30", "ANNUAL:01-31", "ANNUAL:03-31",
			"REALTIME", "TIMELY", "QUARTERLY", "MONTHLY", "STANDING" })
	void encodesAndParsesBackToTheSameRule(String text) {
		assertThat(TimeLimitRule.parse(text).encode()).isEqualTo(text);
	}

	@Test
	void aMissingRuleIsArticle26() {
		assertThat(TimeLimitRule.parse(null)).isEqualTo(TimeLimitRule.ARTICLE_26);
		assertThat(TimeLimitRule.ARTICLE_26.describe()).isEqualTo("形成或变更之日起20个工作日内");
	}

	@Test
	void anAnnualItemIsStaleWhenNothingWasPublishedSinceTheLastDeadline() {
		TimeLimitRule report = TimeLimitRule.parse("ANNUAL:01-31");
		// on 2026-11-26 the last deadline was 2026-01-31: a report published on 2026-01-20 is fine
		assertThat(report.isStale(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 11, 26))).isFalse();
		// one published on 2025-01-20 belongs to the year before: stale
		assertThat(report.isStale(LocalDate.of(2025, 1, 20), LocalDate.of(2026, 11, 26))).isTrue();
		assertThat(report.isStale(null, LocalDate.of(2026, 11, 26))).isTrue();
		// on 2026-01-15 the deadline for this year has not passed yet; last year's report counts
		assertThat(report.isStale(LocalDate.of(2025, 1, 20), LocalDate.of(2026, 1, 15))).isFalse();
	}

	@Test
	void quarterlyAndMonthlyItemsHaveAGracePeriod() {
		LocalDate today = LocalDate.of(2026, 11, 26);
		assertThat(TimeLimitRule.parse("QUARTERLY").isStale(LocalDate.of(2026, 8, 20), today)).isFalse();
		assertThat(TimeLimitRule.parse("QUARTERLY").isStale(LocalDate.of(2026, 7, 1), today)).isTrue();
		assertThat(TimeLimitRule.parse("MONTHLY").isStale(LocalDate.of(2026, 10, 20), today)).isFalse();
		assertThat(TimeLimitRule.parse("MONTHLY").isStale(LocalDate.of(2026, 9, 30), today)).isTrue();
		assertThat(TimeLimitRule.parse("WORKING_DAYS:20").isStale(null, today)).isFalse();
	}
}
