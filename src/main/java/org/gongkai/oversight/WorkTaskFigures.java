package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.CountedRecord;
import org.springframework.stereotype.Component;

/**
 * The work-plan figures of an agency as a responsible unit ({@link WorkTaskRules}): items not claimed after the claim
 * deadline, items past their deadline and not closed, and items whose monthly progress is missing after the progress
 * day. The records are the task rows, linked to their console pages.
 */
@Component
class WorkTaskFigures implements OversightFigureSource {

	static final String UNCLAIMED = "tasks.unclaimed";

	static final String OVERDUE = "tasks.overdue";

	static final String PROGRESS_LATE = "tasks.progressLate";

	private final WorkPlanQueries queries;

	WorkTaskFigures(WorkPlanQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(
				new FigureDefinition(UNCLAIMED, "逾期未认领任务", "项",
						"工作计划印发后，认领截止日期已过仍未认领（未填报具体工作措施、责任科室和责任人）的任务数（沂源县2019年任务分解表：各单位逐项认领）", 500),
				new FigureDefinition(OVERDUE, "超期未完成任务", "项", "已过完成时限（“年底前”为当年12月31日，“持续推进”不计）仍未销号的任务数", 501),
				new FigureDefinition(PROGRESS_LATE, "未按月报送进展", "项", "已认领未销号的任务中，当月进展报送日（默认每月25日）已过仍未报送当月进展的任务数", 502));
	}

	@Override
	public List<OversightFigure> compute(Agency agency, LocalDate on) {
		List<WorkPlanQueries.Item> items = queries.itemsOf(agency.id(), on);
		return List.of(figure(UNCLAIMED, items, WorkPlanQueries.Item::claimLate), figure(OVERDUE, items, WorkPlanQueries.Item::overdue),
				figure(PROGRESS_LATE, items, WorkPlanQueries.Item::progressLate));
	}

	private static OversightFigure figure(String key, List<WorkPlanQueries.Item> items, Predicate<WorkPlanQueries.Item> counted) {
		List<CountedRecord> records = new ArrayList<>();
		for (WorkPlanQueries.Item i : items) {
			if (counted.test(i)) {
				String title = (i.task().taskTitle() == null ? "" : i.task().taskTitle() + "：") + WorkPlanManagement.abbreviate(i.task().requirement());
				records.add(new CountedRecord(i.plan().documentNo() == null ? i.plan().title() : i.plan().documentNo(), title,
						key.equals(UNCLAIMED) ? i.plan().claimDeadline() : i.task().dueOn(), WorkPlanConsoleController.taskPath(i.task().id())));
			}
		}
		return new OversightFigure(key, records.size(), 0, records);
	}
}
