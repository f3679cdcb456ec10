package org.gongkai.oversight;

import java.time.LocalDate;

/**
 * One row of a plan's task table.
 *
 * @param groupTitle 工作任务, the first level (e.g. 做好助推沂源高质量发展信息公开)
 * @param taskTitle 工作任务, the second level (e.g. 推进乡村振兴信息公开)
 * @param requirement 工作要求
 * @param unitsText 责任单位 as written in the table
 * @param unitsUnresolved the parts of {@code unitsText} that name no agency on the platform, for the supervisor to
 * assign by hand (null when all resolved)
 * @param dueOn the date of the deadline (31 December for 年底前, null for 持续推进)
 */
public record WorkTask(long id, long planId, String groupTitle, String taskTitle, String requirement, String unitsText,
		String unitsUnresolved, WorkTaskDeadlineKind deadlineKind, LocalDate dueOn, int sortOrder) {

	/** The deadline as shown: the date, 年底前 or 持续推进. */
	public String deadlineLabel() {
		return deadlineKind == WorkTaskDeadlineKind.DATE ? String.valueOf(dueOn) : deadlineKind.label();
	}
}
