package org.gongkai.interaction;

/** Where a motion's handling stands. */
public enum MotionStatus {

	/** Assigned to its lead unit (已交办), not yet taken up. */
	REGISTERED("已交办"),
	/** The lead unit is handling it (办理中). */
	HANDLING("办理中"),
	/** Replied to the proposers (已答复); waits for their feedback. */
	REPLIED("已答复"),
	/** Handled again after an unsatisfied feedback (重新办理). */
	REHANDLING("重新办理中"),
	/** Closed (已办结). */
	CLOSED("已办结");

	private final String label;

	MotionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Still to be replied: the reply deadline runs. */
	public boolean awaitingReply() {
		return this == REGISTERED || this == HANDLING || this == REHANDLING;
	}
}
