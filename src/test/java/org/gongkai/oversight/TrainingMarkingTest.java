package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The marking of tests, the answer keys of the bank, the seeded draw and the yearly shortfall, without Spring. */
class TrainingMarkingTest {

	@Test
	void answersAreNormalisedAndAMultipleChoiceIsRightOnlyWhenExactlyRight() {
		assertThat(TrainingMarking.normalise(QuestionKind.MULTIPLE, "c, a", 4)).isEqualTo("AC");
		assertThat(TrainingMarking.normalise(QuestionKind.MULTIPLE, "CAAC", 4)).isEqualTo("AC");
		assertThat(TrainingMarking.normalise(QuestionKind.MULTIPLE, "E", 4)).isNull();
		assertThat(TrainingMarking.normalise(QuestionKind.SINGLE, "D", 3)).as("beyond the options").isNull();
		assertThat(TrainingMarking.normalise(QuestionKind.SINGLE, " ", 4)).isNull();
		assertThat(TrainingMarking.normalise(QuestionKind.TRUE_FALSE, "正确", 0)).isEqualTo("T");
		assertThat(TrainingMarking.normalise(QuestionKind.TRUE_FALSE, "f", 0)).isEqualTo("F");
		assertThat(TrainingMarking.normalise(QuestionKind.TRUE_FALSE, "A", 0)).isNull();

		String key = "ABC";
		assertThat(TrainingMarking.correct(key, TrainingMarking.normalise(QuestionKind.MULTIPLE, "CBA", 4))).isTrue();
		assertThat(TrainingMarking.correct(key, TrainingMarking.normalise(QuestionKind.MULTIPLE, "AB", 4))).as("one missing").isFalse();
		assertThat(TrainingMarking.correct(key, TrainingMarking.normalise(QuestionKind.MULTIPLE, "ABCD", 4))).as("one too many").isFalse();
		assertThat(TrainingMarking.correct("B", TrainingMarking.normalise(QuestionKind.SINGLE, "AB", 4))).as("two for a single").isFalse();
		assertThat(TrainingMarking.correct("T", null)).isFalse();
	}

	@Test
	void theScoreIsTheShareRightInWholePercentAndThePassMarkIsInclusive() {
		assertThat(TrainingMarking.score(2, 3)).isEqualTo(67);
		assertThat(TrainingMarking.score(1, 3)).isEqualTo(33);
		assertThat(TrainingMarking.score(1, 8)).as("12.5 rounds half up").isEqualTo(13);
		assertThat(TrainingMarking.score(0, 0)).isZero();
		assertThat(TrainingMarking.passed(60, 60)).isTrue();
		assertThat(TrainingMarking.passed(59, 60)).isFalse();
		assertThat(TrainingMarking.passed(67, 70)).isFalse();
		assertThat(TrainingMarking.answerLabel(QuestionKind.TRUE_FALSE, "F")).isEqualTo("错误");
		assertThat(TrainingMarking.answerLabel(QuestionKind.MULTIPLE, null)).isEqualTo("未作答");
	}

	@Test
	void answerKeysMustFitTheKindAndTheOptions() {
		assertThat(TrainingMarking.keyProblem(QuestionKind.SINGLE, "B", 4)).isNull();
		assertThat(TrainingMarking.keyProblem(QuestionKind.SINGLE, "AB", 4)).contains("只能有一个");
		assertThat(TrainingMarking.keyProblem(QuestionKind.MULTIPLE, "A", 4)).contains("至少有两个");
		assertThat(TrainingMarking.keyProblem(QuestionKind.MULTIPLE, "A,C", 4)).isNull();
		assertThat(TrainingMarking.keyProblem(QuestionKind.MULTIPLE, "AD", 3)).contains("已填写选项");
		assertThat(TrainingMarking.keyProblem(QuestionKind.TRUE_FALSE, "X", 0)).contains("正确或错误");
		assertThat(TrainingMarking.keyProblem(QuestionKind.TRUE_FALSE, "T", 0)).isNull();
	}

	@Test
	void aSeededDrawIsRepeatableAndTakesDistinctQuestions() {
		List<Question> pool = new ArrayList<>();
		for (long i = 1; i <= 30; i++) {
			pool.add(new Question(i, QuestionKind.TRUE_FALSE, "题" + i, List.of(), "T", List.of(33), "解析", false, "t", Instant.EPOCH));
		}
		List<Question> first = TrainingExamManagement.pick(pool, 10, 42);
		List<Question> reversed = new ArrayList<>(pool);
		java.util.Collections.reverse(reversed);
		assertThat(TrainingExamManagement.pick(reversed, 10, 42)).as("the pool's order does not matter").isEqualTo(first);
		assertThat(first).hasSize(10).doesNotHaveDuplicates();
		assertThat(TrainingExamManagement.pick(pool, 10, 43)).isNotEqualTo(first);
		assertThat(TrainingExamManagement.pick(pool, 40, 1)).hasSize(30);
	}

	@Test
	void aPlannedSessionIsDueOnceItsMonthIsOver() {
		assertThat(TrainingRules.due(2026, 3, LocalDate.of(2026, 3, 30))).isFalse();
		assertThat(TrainingRules.due(2026, 3, LocalDate.of(2026, 3, 31))).as("at the end of the month's last day").isTrue();
		assertThat(TrainingRules.due(2026, 2, LocalDate.of(2026, 2, 28))).isTrue();
		assertThat(TrainingRules.dueCount(2026, List.of(3, 7, 12), LocalDate.of(2026, 8, 1))).isEqualTo(2);
		assertThat(TrainingRules.dueCount(2025, List.of(3, 7, 12), LocalDate.of(2026, 1, 5))).isEqualTo(3);
		assertThat(TrainingRules.shortfall(2, 1)).isEqualTo(1);
		assertThat(TrainingRules.shortfall(1, 3)).as("never below 0").isZero();
	}

	@Test
	void articlesAreWrittenAsTheRegulationNumbersThem() {
		assertThat(Question.Articles.parse("33, 30，26")).containsExactly(33, 30, 26);
		assertThat(Question.Articles.label(List.of(10, 33, 5, 20, 49))).isEqualTo("第十条、第三十三条、第五条、第二十条、第四十九条");
	}
}
