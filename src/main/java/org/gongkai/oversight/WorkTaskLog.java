package org.gongkai.oversight;

import java.time.Instant;

/** One line of a task's history as the task page shows it. */
public record WorkTaskLog(long id, long taskId, Long taskUnitId, Instant at, String actor, String action, String note) {

	/** The action in Chinese. */
	public String label() {
		return switch (action) {
			case "created" -> "新增任务";
			case "changed" -> "修改任务";
			case "unit.assigned" -> "指定责任单位";
			case "unit.removed" -> "移除责任单位";
			case "claimed" -> "认领";
			case "claim.changed" -> "修改措施";
			case "progress" -> "报送进展";
			case "supervised" -> "督办";
			case "closed" -> "销号";
			case "reopened" -> "重新打开";
			default -> action;
		};
	}
}
