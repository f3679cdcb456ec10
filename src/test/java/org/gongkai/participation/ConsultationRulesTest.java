package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The pure rules: period length, countdown, adoption rate, the one-liner, and the per-address comment limit. */
class ConsultationRulesTest {

	@Test
	void thePeriodCountsBothEndsAndThirtyDaysNeedNoReason() {
		LocalDate opens = LocalDate.of(2026, 1, 1);
		assertThat(ConsultationRules.periodDays(opens, opens)).isEqualTo(1);
		assertThat(ConsultationRules.needsShortReason(opens, LocalDate.of(2026, 1, 29))).isTrue();
		assertThat(ConsultationRules.needsShortReason(opens, LocalDate.of(2026, 1, 30))).isFalse();
	}

	@Test
	void publishedOnItsFirstDayTheThirtyDaysCountFromTheNextDay() {
		LocalDate opens = LocalDate.of(2026, 1, 1);
		LocalDate closes = LocalDate.of(2026, 1, 30); // 30 days with both ends
		assertThat(ConsultationRules.needsShortReasonAtPublish(opens, closes, opens.minusDays(1))).isFalse();
		assertThat(ConsultationRules.countedFrom(opens, opens)).isEqualTo(opens.plusDays(1));
		assertThat(ConsultationRules.needsShortReasonAtPublish(opens, closes, opens)).isTrue();
		assertThat(ConsultationRules.needsShortReasonAtPublish(opens, closes.plusDays(1), opens)).isFalse();
		// published on the last day: nothing is left to count
		assertThat(ConsultationRules.needsShortReasonAtPublish(opens, opens, opens)).isTrue();
	}

	@Test
	void anEarlyCloseAlwaysNeedsAReason() {
		LocalDate closes = LocalDate.of(2026, 5, 31);
		assertThat(ConsultationRules.needsEarlyCloseReason(closes.minusDays(29), closes)).isTrue();
		assertThat(ConsultationRules.needsEarlyCloseReason(closes, closes)).isTrue();
	}

	@Test
	void theCountdownSaysTodayOnTheLastDay() {
		LocalDate closes = LocalDate.of(2026, 5, 31);
		assertThat(ConsultationRules.countdown(closes, closes)).isEqualTo("今天截止");
		assertThat(ConsultationRules.countdown(closes, closes.minusDays(3))).isEqualTo("距征集截止还有3天");
	}

	@Test
	void theAdoptionRateIsAdoptedAndPartlyAdoptedOverValidComments() {
		assertThat(ConsultationRules.oneLiner(12, 12, 5, 2)).isEqualTo("收到意见12条（有效意见12条），采纳5条，部分采纳2条，采纳率58.3%");
		// the rate is over the valid comments, and the line says how many those are
		assertThat(ConsultationRules.oneLiner(5, 4, 1, 2)).isEqualTo("收到意见5条（有效意见4条），采纳1条，部分采纳2条，采纳率75.0%");
		assertThat(ConsultationRules.adoptionRate(0, 0, 0)).isNull();
		assertThat(ConsultationRules.oneLiner(3, 0, 0, 0)).endsWith("采纳率—");
		assertThat(ConsultationRules.adoptionRate(1, 0, 3).toPlainString()).isEqualTo("33.3");
	}

	@Test
	void anAddressMaySendOnlyTheHourlyNumberOfComments() {
		ConsultationLimits limits = new ConsultationLimits(2);
		assertThat(limits.comment("10.0.0.1")).isEmpty();
		assertThat(limits.comment("10.0.0.1")).isEmpty();
		assertThat(limits.comment("10.0.0.1")).isPresent();
		assertThat(limits.comment("10.0.0.2")).isEmpty();
	}
}
