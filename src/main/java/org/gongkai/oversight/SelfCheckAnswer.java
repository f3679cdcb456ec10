package org.gongkai.oversight;

import java.util.List;

import org.gongkai.platform.CountedRecord;

/**
 * One line of a unit's self-check: the checklist item as it stood when the check was opened, the automatic figure
 * filled in from the records (with the records behind it), and the unit's answer.
 */
public record SelfCheckAnswer(long id, long selfCheckId, String label, String guidance, String figureKey,
		Long figureValue, Long figureSoon, List<CountedRecord> records, SelfCheckAnswerKind answer, String note,
		int sortOrder) {

	public SelfCheckAnswer {
		records = records == null ? List.of() : List.copyOf(records);
	}

	/** Whether the figure shows something to look at (a count above zero). */
	public boolean figureFlagged() {
		return figureValue != null && figureValue > 0;
	}
}
