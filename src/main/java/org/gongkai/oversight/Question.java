package org.gongkai.oversight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A question of the training bank on the 2019 Regulation (国务院令第711号): its kind, stem, options A–D (choice questions),
 * the answer (letters, or T/F for true/false), the articles it tests and the explanation shown after submission.
 *
 * @param articles article numbers of the Regulation, e.g. {@code [33]}
 */
public record Question(long id, QuestionKind kind, String stem, List<String> options, String answer, List<Integer> articles,
		String explanation, boolean retired, String createdBy, Instant updatedAt) {

	public Question {
		options = options == null ? List.of() : List.copyOf(options);
		articles = List.copyOf(articles);
	}

	/** The articles as Chinese text, e.g. 第三十三条、第三十条. */
	public String articlesLabel() {
		return Articles.label(articles);
	}

	/** The answer as the reader sees it: letters, or 正确 / 错误. */
	public String answerLabel() {
		return TrainingMarking.answerLabel(kind, answer);
	}

	/** Letters A.. with their option texts. */
	public List<Option> lettered() {
		return Option.of(options);
	}

	/** An option with its letter. */
	public record Option(String letter, String text) {

		static List<Option> of(List<String> options) {
			List<Option> all = new ArrayList<>();
			for (int i = 0; i < options.size(); i++) {
				all.add(new Option(String.valueOf((char) ('A' + i)), options.get(i)));
			}
			return all;
		}
	}

	/** Article numbers of the Regulation as stored (comma list) and shown (第N条). */
	static final class Articles {

		private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

		private Articles() {
		}

		static List<Integer> parse(String stored) {
			if (stored == null || stored.isBlank()) {
				return List.of();
			}
			return Arrays.stream(stored.split("[,，、\\s]+")).filter(s -> !s.isBlank()).map(s -> Integer.valueOf(s.trim())).toList();
		}

		static String join(List<Integer> articles) {
			return String.join(",", articles.stream().map(String::valueOf).toList());
		}

		static String label(List<Integer> articles) {
			return String.join("、", articles.stream().map(a -> "第" + chinese(a) + "条").toList());
		}

		/** 1–99 in Chinese numerals as the Regulation writes article numbers (第十条, 第三十三条). */
		static String chinese(int n) {
			if (n < 10) {
				return DIGITS[n];
			}
			int tens = n / 10;
			int ones = n % 10;
			return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
		}
	}
}
