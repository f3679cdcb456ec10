package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The pure rules of polls: identifiers and their normal form, the keyed fingerprint, states by date, visibility. */
class PollRulesTest {

	static final LocalDate OPENS = LocalDate.of(2026, 7, 1);

	static final LocalDate CLOSES = LocalDate.of(2026, 7, 10);

	static Poll poll(boolean published, LocalDate closedEarly, boolean withdrawn, PollResultsVisibility visibility) {
		Instant at = Instant.parse("2026-06-20T02:00:00Z");
		return new Poll(1, 1, "调查", "说明", OPENS, CLOSES, PollIdentityRule.MOBILE, visibility, null, null, null,
				published ? at : null, closedEarly, withdrawn ? at : null, withdrawn ? "理由" : null, "editor", at, at);
	}

	@Test
	void mobileNumbersAreNormalisedAndChecked() {
		assertThat(PollRules.normalise(PollIdentityRule.MOBILE, " 138 0013 8000 ")).isEqualTo("13800138000");
		assertThat(PollRules.normalise(PollIdentityRule.MOBILE, "+86 138-0013-8000")).isEqualTo("13800138000");
		assertThat(PollRules.normalise(PollIdentityRule.MOBILE, "8613800138000")).isEqualTo("13800138000");
		for (String bad : new String[] { "12800138000", "1380013800", "138001380001", "0531-12345678", "abc" }) {
			assertThatThrownBy(() -> PollRules.normalise(PollIdentityRule.MOBILE, bad)).as(bad)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("手机号码");
		}
	}

	@Test
	void residentIdsNeedTheirCheckCharacter() {
		String id = PollManagementTest.withCheckDigit("11010519491231002");
		assertThat(PollRules.normalise(PollIdentityRule.RESIDENT_ID, id.toLowerCase())).isEqualTo(id.toUpperCase());
		String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
		assertThatThrownBy(() -> PollRules.normalise(PollIdentityRule.RESIDENT_ID, wrong)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> PollRules.normalise(PollIdentityRule.RESIDENT_ID, " ")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("居民身份证号码");
	}

	@Test
	void theFingerprintDependsOnTheKeyThePollAndTheIdentifier() {
		byte[] key = "k".repeat(32).getBytes(StandardCharsets.UTF_8);
		String a = PollRules.fingerprint(key, 1, "13800138000");
		assertThat(a).hasSize(64).matches("[0-9a-f]+").doesNotContain("13800138000");
		assertThat(PollRules.fingerprint(key, 1, "13800138000")).isEqualTo(a);
		assertThat(PollRules.fingerprint(key, 2, "13800138000")).isNotEqualTo(a);
		assertThat(PollRules.fingerprint(key, 1, "13800138001")).isNotEqualTo(a);
		assertThat(PollRules.fingerprint("x".repeat(32).getBytes(StandardCharsets.UTF_8), 1, "13800138000")).isNotEqualTo(a);
	}

	@Test
	void theStateFollowsTheDaysBothInclusive() {
		Poll p = poll(true, null, false, PollResultsVisibility.AFTER_CLOSE);
		assertThat(PollRules.status(poll(false, null, false, PollResultsVisibility.AFTER_CLOSE), OPENS)).isEqualTo(PollStatus.DRAFT);
		assertThat(PollRules.status(p, OPENS.minusDays(1))).isEqualTo(PollStatus.NOT_STARTED);
		assertThat(PollRules.status(p, OPENS)).isEqualTo(PollStatus.OPEN);
		assertThat(PollRules.status(p, CLOSES)).isEqualTo(PollStatus.OPEN);
		assertThat(PollRules.status(p, CLOSES.plusDays(1))).isEqualTo(PollStatus.CLOSED);
		assertThat(PollRules.status(poll(true, OPENS.plusDays(2), false, PollResultsVisibility.AFTER_CLOSE), OPENS.plusDays(2)))
			.isEqualTo(PollStatus.CLOSED);
		assertThat(PollRules.status(poll(true, null, true, PollResultsVisibility.AFTER_CLOSE), OPENS)).isEqualTo(PollStatus.WITHDRAWN);
		assertThat(PollStatus.WITHDRAWN.isPublic()).isFalse();
		assertThat(PollStatus.DRAFT.isPublic()).isFalse();
	}

	@Test
	void resultsArePublicAsTheVisibilitySays() {
		assertThat(PollRules.resultsPublic(poll(true, null, false, PollResultsVisibility.AFTER_CLOSE), OPENS)).isFalse();
		assertThat(PollRules.resultsPublic(poll(true, null, false, PollResultsVisibility.AFTER_CLOSE), CLOSES.plusDays(1))).isTrue();
		assertThat(PollRules.resultsPublic(poll(true, null, false, PollResultsVisibility.LIVE), OPENS.minusDays(1))).isFalse();
		assertThat(PollRules.resultsPublic(poll(true, null, false, PollResultsVisibility.LIVE), OPENS)).isTrue();
		assertThat(PollRules.resultsPublic(poll(true, null, false, PollResultsVisibility.WITHHELD), CLOSES.plusDays(1))).isFalse();
		assertThat(PollRules.resultsPublic(poll(false, null, false, PollResultsVisibility.LIVE), OPENS)).isFalse();
		assertThat(PollRules.resultsPublic(poll(true, null, true, PollResultsVisibility.LIVE), OPENS)).isFalse();
		assertThat(PollResults.percent(2, 3).toPlainString()).isEqualTo("66.7");
		assertThat(PollResults.percent(0, 0).toPlainString()).isEqualTo("0.0");
	}
}
