package org.gongkai.platform;

/** Staff roles. Each grant of a role is scoped to one agency, or to an agency and its subtree. */
public enum Role {

	SYSTEM_ADMIN("系统管理员"),
	SUPERVISOR("政务公开办（监督）"),
	AGENCY_ADMIN("单位管理员"),
	EDITOR("信息编辑"),
	REVIEWER("审核人"),
	APPROVER("审批负责人"),
	REQUEST_HANDLER("依申请公开办理人"),
	MESSAGE_HANDLER("互动交流办理人");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	/** The Chinese name shown in the console. */
	public String label() {
		return label;
	}
}
