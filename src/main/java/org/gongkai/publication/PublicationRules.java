package org.gongkai.publication;

import org.gongkai.catalog.TimeLimitRule;

/** The legal and policy numbers of publication, each with its source. */
public final class PublicationRules {

	/** 条例 Art. 26: proactive information is public within 20 working days of being formed or changed. */
	public static final TimeLimitRule PROACTIVE_LIMIT = TimeLimitRule.ARTICLE_26;

	/** Identifies the rule that computed a stored {@code publishBy}, so a later change of rule is traceable. */
	public static final String PROACTIVE_LIMIT_VERSION = "条例第二十六条/WORKING_DAYS:20/2019";

	/** Seed 001 item 7: superior-level policies are reposted within one working day. */
	public static final int REPOST_TARGET_WORKING_DAYS = 1;

	/** Largest attachment accepted. */
	public static final long MAX_ATTACHMENT_BYTES = 50L * 1024 * 1024;

	/** Default index-number pattern (domain-rules.md §4.2): {USCC}/{yyyy}-{5-digit serial}. */
	public static final String DEFAULT_INDEX_PATTERN = "{creditCode}/{yyyy}-{serial5}";

	private PublicationRules() {
	}
}
