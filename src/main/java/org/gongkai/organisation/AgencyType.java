package org.gongkai.organisation;

/** Kind of agency (政府信息公开条例 Art. 10: governments, departments, dispatched bodies). */
public enum AgencyType {

	PEOPLES_GOVERNMENT("人民政府"), DEPARTMENT("部门"), DISPATCHED_BODY("派出机构"), OTHER("其他");

	private final String label;

	AgencyType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
