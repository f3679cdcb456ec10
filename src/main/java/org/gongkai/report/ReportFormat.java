package org.gongkai.report;

/**
 * The national layout a report follows (domain-rules.md §2). New reports always use {@link #F2021}; {@link #F2019}
 * exists only for earlier years' reports imported into the platform.
 */
public enum ReportFormat {

	/** 国办公开办函〔2021〕30号, issued 2021-09-26: every report from year 2021 on. */
	F2021("2021", "2021年版格式（国办公开办函〔2021〕30号）"),

	/** The superseded 2019 format (reports for 2019 and 2020), kept for imported history. */
	F2019("2019", "2019年版格式");

	private final String code;

	private final String label;

	ReportFormat(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static ReportFormat ofCode(String code) {
		for (ReportFormat f : values()) {
			if (f.code.equals(code)) {
				return f;
			}
		}
		throw new IllegalArgumentException("unknown report format " + code);
	}
}
