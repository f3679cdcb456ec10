package org.gongkai.oversight;

import java.util.TreeSet;

/**
 * How a test is marked: a single-choice or true/false question is right when the one answer given is the answer; a
 * multiple-choice question only when exactly the right options are chosen (no partial credit, as in the 2008 福建
 * online test the research cites, oversight-rules §4.2). The score is the share of questions answered right, in
 * whole percent rounded half up; a person passes at or above the pass mark (default 60, configurable).
 */
public final class TrainingMarking {

	/** The default pass mark in percent. */
	public static final int DEFAULT_PASS_MARK = 60;

	private TrainingMarking() {
	}

	/**
	 * The answer as stored: the chosen letters upper-case, sorted, each once (A–D within the option count) for choice
	 * questions; T or F for true/false; null when nothing (valid) was given. A single-choice answer with several
	 * letters is kept as given and so marked wrong.
	 */
	public static String normalise(QuestionKind kind, String given, int optionCount) {
		if (given == null) {
			return null;
		}
		String g = given.trim().toUpperCase(java.util.Locale.ROOT);
		if (g.isEmpty()) {
			return null;
		}
		if (kind == QuestionKind.TRUE_FALSE) {
			return switch (g) {
				case "T", "TRUE", "正确", "对", "√" -> "T";
				case "F", "FALSE", "错误", "错", "×" -> "F";
				default -> null;
			};
		}
		TreeSet<Character> letters = new TreeSet<>();
		for (char c : g.toCharArray()) {
			if (c >= 'A' && c < 'A' + optionCount) {
				letters.add(c);
			}
		}
		if (letters.isEmpty()) {
			return null;
		}
		StringBuilder b = new StringBuilder();
		letters.forEach(b::append);
		return b.toString();
	}

	/** Whether {@code given} (normalised) is exactly the answer. */
	public static boolean correct(String answer, String given) {
		return given != null && given.equals(answer);
	}

	/** The score in whole percent, rounded half up; 0 for a test without questions. */
	public static int score(int correct, int total) {
		if (total <= 0) {
			return 0;
		}
		return (int) Math.round(100.0 * correct / total);
	}

	public static boolean passed(int score, int passMark) {
		return score >= passMark;
	}

	/** An answer as the reader sees it: letters, or 正确 / 错误; 未作答 for none. */
	public static String answerLabel(QuestionKind kind, String answer) {
		if (answer == null || answer.isEmpty()) {
			return "未作答";
		}
		if (kind == QuestionKind.TRUE_FALSE) {
			return "T".equals(answer) ? "正确" : "错误";
		}
		return answer;
	}

	/**
	 * Why an answer key does not fit its question, or null when it does: a single choice has one letter, a multiple
	 * choice two or more, within the options; true/false is T or F.
	 */
	static String keyProblem(QuestionKind kind, String answer, int optionCount) {
		String a = normalise(kind, answer, optionCount);
		if (a == null) {
			return kind == QuestionKind.TRUE_FALSE ? "请选择正确或错误" : "请填写正确答案（选项字母）";
		}
		if (kind != QuestionKind.TRUE_FALSE && answer.trim().toUpperCase(java.util.Locale.ROOT).chars()
			.filter(c -> c >= 'A' && c <= 'Z').distinct().count() != a.length()) {
			return "正确答案只能是已填写选项的字母";
		}
		if (kind == QuestionKind.SINGLE && a.length() != 1) {
			return "单选题只能有一个正确答案";
		}
		if (kind == QuestionKind.MULTIPLE && a.length() < 2) {
			return "多选题至少有两个正确答案";
		}
		return null;
	}
}
