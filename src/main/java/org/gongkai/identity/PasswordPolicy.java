package org.gongkai.identity;

import java.util.Optional;

/** What a staff password must be: long enough, letters and digits, not the username. */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	static Optional<String> problemWith(String password, String username, int minLength) {
		if (password == null || password.length() < minLength) {
			return Optional.of("密码至少需要" + minLength + "位");
		}
		if (password.length() > 128) {
			return Optional.of("密码不能超过128位");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			return Optional.of("密码须同时包含字母和数字");
		}
		if (username != null && password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
			return Optional.of("密码不能包含用户名");
		}
		return Optional.empty();
	}

	/** A random password that satisfies the policy, for first start and resets. */
	static String generate() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		java.security.SecureRandom random = new java.security.SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		sb.setCharAt(random.nextInt(7), (char) ('2' + random.nextInt(8)));
		sb.setCharAt(7 + random.nextInt(7), (char) ('a' + random.nextInt(8)));
		return sb.toString();
	}
}
