package org.gongkai.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A test of a training session (在线测试): its questions were copied from the bank when it was built; the agency's staff
 * take it in the console within the allowed attempts and time limit; it is marked at once against the pass mark.
 *
 * @param selection how the questions were chosen, in Chinese (e.g. 随机抽取10题（种子 42）)
 * @param closesOn last day it can be taken (null: open until closed)
 */
public record TrainingExam(long id, long sessionId, long agencyId, String title, int passMark, int maxAttempts, Integer timeLimitMinutes,
		LocalDate closesOn, String selection, boolean closed, String createdBy, Instant createdAt) {

	/** Whether staff can start an attempt on {@code today}. */
	public boolean open(LocalDate today) {
		return !closed && (closesOn == null || !today.isAfter(closesOn));
	}

	/** A question of the test, as copied from the bank. Its answer and explanation never reach a taker before submission. */
	public record ExamQuestion(long id, long examId, long questionId, int sortOrder, QuestionKind kind, String stem, List<String> options,
			String answer, List<Integer> articles, String explanation) {

		public ExamQuestion {
			options = options == null ? List.of() : List.copyOf(options);
			articles = List.copyOf(articles);
		}

		public List<Question.Option> lettered() {
			return Question.Option.of(options);
		}

		public String articlesLabel() {
			return Question.Articles.label(articles);
		}
	}
}
