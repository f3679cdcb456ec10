package org.gongkai.platform;

/** The 18-character resident identity number of GB 11643: its ISO 7064 MOD 11-2 check character. */
public final class ResidentIds {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private ResidentIds() {
	}

	/** Whether the number has 17 digits and the check character that fits them (upper- or lower-case X). */
	public static boolean isValid(String id) {
		if (id == null || id.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = id.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
	}
}
