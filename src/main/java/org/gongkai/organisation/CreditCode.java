package org.gongkai.organisation;

import java.util.Optional;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015. The last
 * character is a check character over the first 17, computed modulo 31 with weights 3^i mod 31
 * over the code's 31-character alphabet (the digits and the capitals without I, O, S, V, Z).
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		Optional<String> problem = problemWith(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
	}

	/** Why the text is not a valid code, in Chinese, or empty when it is valid. */
	public static Optional<String> problemWith(String text) {
		if (text == null || text.length() != 18) {
			return Optional.of("统一社会信用代码应为18位");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(text.charAt(i)) < 0) {
				return Optional.of("统一社会信用代码第" + (i + 1) + "位“" + text.charAt(i) + "”不是有效字符（不使用I、O、S、V、Z）");
			}
		}
		char expected = checkCharacter(text.substring(0, 17));
		if (text.charAt(17) != expected) {
			return Optional.of("统一社会信用代码校验位不正确，请核对后重新输入");
		}
		return Optional.empty();
	}

	public static boolean isValid(String text) {
		return problemWith(text).isEmpty();
	}

	/** The check character for the first 17 characters (GB 32100-2015 §5). */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("need 17 characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = ALPHABET.indexOf(first17.charAt(i));
			if (v < 0) {
				throw new IllegalArgumentException("not in the code alphabet: " + first17.charAt(i));
			}
			sum += v * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	/** Normalises user input: trims, removes inner spaces and upper-cases. */
	public static String normalise(String text) {
		return text == null ? null : text.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
	}
}
