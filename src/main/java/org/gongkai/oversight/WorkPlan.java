package org.gongkai.oversight;

import java.time.LocalDate;

/**
 * A yearly work plan (政务公开工作要点 with its 主要任务分解表) of one agency: the county government's plan kept by its
 * supervisor, or a department's plan for its own offices.
 *
 * @param publicPlan whether the plan and its task table are published on the portal once issued
 * @param claimDeadline the day by which the units claim their tasks and fill in their measures (seed 003: 8月5日前)
 * @param progressDay the day of each month by which the units report progress (seed 洪雅: 每月25日前)
 */
public record WorkPlan(long id, long agencyId, String title, int year, String documentNo, boolean publicPlan,
		WorkPlanStatus status, LocalDate claimDeadline, int progressDay, LocalDate issuedOn, LocalDate closedOn,
		String createdBy, int version) {

	/** Whether the public may see the plan: marked public and issued (or issued and closed since). */
	public boolean visibleToPublic() {
		return publicPlan && status != WorkPlanStatus.DRAFT;
	}
}
