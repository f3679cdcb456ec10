package org.gongkai.interpretation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an interpretation stands. {@code READY} is signed off together with its policy (同步审签) and
 * waits for the policy to be published; it is published with the policy, automatically.
 */
public enum InterpretationStatus {

	DRAFT("草稿"), SUBMITTED("待审签"), RETURNED("已退回"), READY("已审签，待随文件发布"), PUBLISHED("已发布"),
	WITHDRAWN("已撤回");

	private final String label;

	InterpretationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

	/** Counts as the interpretation material that 三同步 requires at a policy's approval. */
	public boolean isSignedOff() {
		return this == READY || this == PUBLISHED;
	}

	boolean canMoveTo(InterpretationStatus target) {
		Set<InterpretationStatus> next = switch (this) {
			case DRAFT, RETURNED -> EnumSet.of(SUBMITTED);
			case SUBMITTED -> EnumSet.of(RETURNED, READY, PUBLISHED);
			case READY -> EnumSet.of(PUBLISHED, RETURNED);
			case PUBLISHED -> EnumSet.of(WITHDRAWN);
			case WITHDRAWN -> EnumSet.noneOf(InterpretationStatus.class);
		};
		return next.contains(target);
	}
}
