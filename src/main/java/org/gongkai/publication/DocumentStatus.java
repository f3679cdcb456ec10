package org.gongkai.publication;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an item: draft → submitted (attribute review) → reviewed (confidentiality check by a
 * named reviewer) → approved into its final state: published (主动公开), listed in the on-request
 * catalogue (依申请公开) or kept withheld (不予公开). A reviewer or approver can return it to the
 * drafter (退文); a published item can be withdrawn (its record and history stay).
 */
public enum DocumentStatus {

	DRAFT("草稿"), SUBMITTED("待审查"), REVIEWED("待审批"), RETURNED("已退回"), PUBLISHED("已公开"),
	LISTED("已列入依申请公开目录"), WITHHELD("不予公开"), WITHDRAWN("已撤回");

	private final String label;

	DocumentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** States in which the content can still be edited by its drafter. */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

	/** States whose item is on public surfaces (pages, feeds, sitemap, API). */
	public boolean isPublic() {
		return this == PUBLISHED;
	}

	public boolean isFinal() {
		return this == PUBLISHED || this == LISTED || this == WITHHELD || this == WITHDRAWN;
	}

	Set<DocumentStatus> next() {
		return switch (this) {
			case DRAFT, RETURNED -> EnumSet.of(SUBMITTED);
			case SUBMITTED -> EnumSet.of(REVIEWED, RETURNED);
			case REVIEWED -> EnumSet.of(PUBLISHED, LISTED, WITHHELD, RETURNED);
			case PUBLISHED -> EnumSet.of(WITHDRAWN);
			case LISTED, WITHHELD -> EnumSet.of(PUBLISHED, WITHDRAWN);
			case WITHDRAWN -> EnumSet.noneOf(DocumentStatus.class);
		};
	}

	public boolean canMoveTo(DocumentStatus target) {
		return next().contains(target);
	}
}
