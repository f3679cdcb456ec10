package org.gongkai.interpretation;

/**
 * The legal and work-plan rules of policy interpretation, each in one place with its source.
 */
public final class InterpretationRules {

	private InterpretationRules() {
	}

	/**
	 * An interpretation is published with its policy and at the latest this many working days after it:
	 * 国办发〔2016〕19号 「相关解读材料应于文件公开后3个工作日内在政府网站和媒体发布」 (domain-rules.md §6.2).
	 * An agency may set a shorter limit (Guangzhou: together with the document, i.e. 0).
	 */
	public static final int DEADLINE_WORKING_DAYS = 3;

	/** The longest limit an agency may configure: it may tighten the national rule, never loosen it. */
	public static final int MAX_DEADLINE_WORKING_DAYS = DEADLINE_WORKING_DAYS;

	/**
	 * Interpretations by principal leaders (第一解读人) per year: seed 003 (三) asks each agency's principal
	 * leader to interpret at least twice a year.
	 */
	public static final int PRINCIPAL_LEADER_TARGET = 2;

	/**
	 * 三同步 applies to rules, normative documents and any document the agency marks as needing
	 * interpretation: 「牵头起草部门应将文件和解读方案一并报批」 (国办发〔2016〕19号; 穗府办函〔2017〕313号).
	 */
	public static final String THREE_SYNC_BASIS = "国办发〔2016〕19号：文件和解读方案一并报批（同步组织、同步审签、同步部署）";
}
