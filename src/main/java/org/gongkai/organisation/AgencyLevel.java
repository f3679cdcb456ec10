package org.gongkai.organisation;

/** Administrative level of an agency, from the top down. A child is never above its parent. */
public enum AgencyLevel {

	PROVINCE("省级"), CITY("市级"), COUNTY("县级"), TOWNSHIP("乡镇（街道）级"), VILLAGE("村（社区）级");

	private final String label;

	AgencyLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
