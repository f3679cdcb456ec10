package org.gongkai.powers;

/**
 * What an inspected entity is, which decides what the public may see of it: an organisation's name and address are
 * public; an individual's (a natural person or an individual business) name is masked (张**) and its address never
 * published.
 */
public enum InspectionEntityKind {

	ORGANISATION("单位"), INDIVIDUAL("个人或个体工商户");

	private final String label;

	InspectionEntityKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The kind of an entity: as marked; unmarked, an organisation only with a credit code that is not an individual
	 * business's (registration type 92) and a category that does not say 个人/个体/自然人 — anything else is an
	 * individual, so that a doubtful entry is never published unmasked.
	 */
	static InspectionEntityKind of(InspectionEntityKind marked, String creditCode, String category) {
		if (marked != null) {
			return marked;
		}
		if (creditCode == null || creditCode.startsWith("92") || individualCategory(category)) {
			return INDIVIDUAL;
		}
		return ORGANISATION;
	}

	/** A mark as typed in a pasted list or a form: ORGANISATION/INDIVIDUAL or 单位/组织/企业/个人/个体; null if unknown. */
	static InspectionEntityKind parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
			case "ORGANISATION", "ORGANIZATION", "单位", "组织", "企业", "法人" -> ORGANISATION;
			case "INDIVIDUAL", "个人", "个体", "个体工商户", "自然人" -> INDIVIDUAL;
			default -> null;
		};
	}

	static boolean individualCategory(String category) {
		return category != null && (category.contains("个人") || category.contains("个体") || category.contains("自然人"));
	}
}
