package org.gongkai.search;

/** The facet dimensions; {@link #param()} is the URL and API parameter name. */
public enum Facet {
	TYPE("type"), AGENCY("agency"), THEME("theme"), YEAR("year");

	private final String param;

	Facet(String param) {
		this.param = param;
	}

	public String param() {
		return param;
	}
}
