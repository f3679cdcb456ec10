package org.gongkai.oversight;

/**
 * One line of a unit's 督察表 (oversight-rules §3.2): 工作任务/检查项 and 完成情况; the line's problems are its findings.
 *
 * @param done 「已完成」 or 「未完成」
 */
public record OversightInspectionRow(long id, long inspectionId, long agencyId, String task, boolean done,
		String completionNote, int sortOrder) {

	public String completionLabel() {
		return done ? "已完成" : "未完成";
	}
}
