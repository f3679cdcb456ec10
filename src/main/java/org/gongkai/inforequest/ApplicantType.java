package org.gongkai.inforequest;

/** The applicant categories of the annual-report columns (domain-rules.md §2.3). */
public enum ApplicantType {

	NATURAL_PERSON("自然人"),
	COMMERCIAL_ENTERPRISE("商业企业"),
	RESEARCH_INSTITUTION("科研机构"),
	PUBLIC_INTEREST_ORGANISATION("社会公益组织"),
	LEGAL_SERVICE_INSTITUTION("法律服务机构"),
	OTHER("其他");

	private final String label;

	ApplicantType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
