package org.gongkai.inforequest;

import java.math.BigDecimal;

/** The statutory numbers of disclosure on request, each in one place with its source. */
public final class RequestRules {

	private RequestRules() {
	}

	/** 条例 Art. 33 ¶2: reply within 20 working days of receipt (counted from the next day, 民法典 Art. 201). */
	public static final int REPLY_WORKING_DAYS = 20;

	/** 条例 Art. 33 ¶2: an extension approved by the head of the disclosure work body adds at most 20 working days. */
	public static final int MAX_EXTENSION_WORKING_DAYS = 20;

	/** 条例 Art. 30: the one correction request is made within 7 working days of receipt. */
	public static final int CORRECTION_NOTICE_WORKING_DAYS = 7;

	/** 条例 Arts. 32 and 34: a third party or another agency answers within 15 working days. */
	public static final int CONSULTATION_WORKING_DAYS = 15;

	/** A reasonable correction period when the handler gives none (Art. 30 asks for 合理的补正期限). */
	public static final int DEFAULT_CORRECTION_PERIOD_WORKING_DAYS = 15;

	/** 国办函〔2020〕109号 Art. 4: applications by one applicant in one calendar month free of charge. */
	public static final int FREE_APPLICATIONS_PER_MONTH = 10;

	/** 109号 Art. 4: 11th to 30th application of the month, per application. */
	public static final BigDecimal PER_APPLICATION_FEE = new BigDecimal("100");

	/** 109号 Art. 5: pages free of charge. */
	public static final int FREE_PAGES = 30;

	/** A request is "due soon" this many working days before its due date (a design choice, configurable). */
	public static final int DUE_SOON_WORKING_DAYS = 5;

	/**
	 * The payment period of a fee notice: 「收到收费通知次日起20个工作日内」 as the provincial restatements of 109号
	 * put it (domain-rules.md §11); the agency's setting, this is its default.
	 */
	public static final int DEFAULT_FEE_PAYMENT_WORKING_DAYS = 20;

	/** 行政复议法 (2023) Art. 23(四): the notice given with every decision not to disclose. */
	public static final String RECONSIDERATION_NOTICE = "如对本答复不服，可以自收到本答复之日起60日内依法向行政复议机关申请行政复议"
			+ "（根据《中华人民共和国行政复议法》第二十三条，对行政机关不予公开政府信息不服的，应当先申请行政复议）。";

	public static final String RULE_VERSION = "条例(2019)第30、33条；民法典第201条";
}
