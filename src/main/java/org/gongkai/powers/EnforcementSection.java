package org.gongkai.powers;

/** The parts of enforcement publicity before the act (事前公开, 国办发〔2018〕118号). */
public enum EnforcementSection {

	BODY("执法主体", "执法机关名称、地址、联系方式和法定职责来源"),
	OFFICER("执法人员", "执法人员姓名、执法证件号码和执法区域"),
	DUTY("职责权限", "执法职责和权限"),
	BASIS("执法依据", "法律、法规、规章和规范性文件"),
	PROCEDURE("执法程序", "执法流程和流程图说明"),
	DISCRETION("裁量基准", "行政处罚等裁量基准"),
	REMEDY("救济渠道", "行政复议、行政诉讼等救济途径"),
	SUPERVISION("监督渠道", "投诉举报和监督电话、地址");

	private final String label;

	private final String hint;

	EnforcementSection(String label, String hint) {
		this.label = label;
		this.hint = hint;
	}

	public String label() {
		return label;
	}

	public String hint() {
		return hint;
	}
}
