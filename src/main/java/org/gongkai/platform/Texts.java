package org.gongkai.platform;

/** Small text helpers shared by the modules' input handling. */
public final class Texts {

	private Texts() {
	}

	/** The text without surrounding white space (full-width spaces included), or null when nothing is left. */
	public static String trimToNull(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}
}
