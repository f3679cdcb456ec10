package org.gongkai.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading plans, tasks and the units' items with their flags (overdue, claim late, progress late, 督办 open). */
@Service
@Transactional(readOnly = true)
public class WorkPlanQueries {

	/**
	 * One unit's item of a task with what the lists show.
	 *
	 * @param overdue past the task's deadline and not closed
	 * @param claimLate not claimed after the plan's claim deadline
	 * @param progressLate this month's progress missing after the progress day
	 * @param openSupervisions unanswered 督办 notes
	 * @param supervisionLate an unanswered 督办 note past its own deadline
	 */
	public record Item(WorkPlan plan, WorkTask task, WorkTaskUnit unit, Agency agency, boolean overdue, boolean claimLate,
			boolean progressLate, int openSupervisions, boolean supervisionLate) {

		public boolean flagged() {
			return overdue || claimLate || progressLate || supervisionLate;
		}

		public String flags() {
			List<String> f = new ArrayList<>();
			if (claimLate) {
				f.add("逾期未认领");
			}
			if (overdue) {
				f.add("超期未完成");
			}
			if (progressLate) {
				f.add("本月进展未报");
			}
			if (supervisionLate) {
				f.add("督办逾期未复");
			}
			else if (openSupervisions > 0) {
				f.add("督办待复");
			}
			return String.join("、", f);
		}
	}

	/** A task row with its units' items. */
	public record TaskRow(WorkTask task, List<Item> items) {
	}

	private final WorkPlanStore store;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final Clock clock;

	WorkPlanQueries(WorkPlanStore store, AgencyDirectory agencies, AgencyAccess access, Clock clock) {
		this.store = store;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	public Optional<WorkPlan> plan(long id) {
		return store.plan(id);
	}

	public Optional<WorkTask> task(long id) {
		return store.task(id);
	}

	public Optional<WorkTaskUnit> unit(long id) {
		return store.unit(id);
	}

	/** Whether the actor keeps the plan (plans, supervises, closes). */
	public boolean plans(Actor actor, WorkPlan plan) {
		return access.allows(actor, plan.agencyId(), WorkPlanManagement.PLANNERS);
	}

	/** Whether the actor acts for the unit of an item. */
	public boolean actsFor(Actor actor, long agencyId) {
		return access.allows(actor, agencyId, WorkPlanManagement.UNIT_STAFF);
	}

	/** The plans the actor keeps or supervises. */
	public List<WorkPlan> plansKeptBy(Actor actor) {
		if (actor.isSystemAdmin()) {
			return store.allPlans();
		}
		List<Long> ids = access.agenciesFor(actor, WorkPlanManagement.PLANNERS).stream().map(Agency::id).toList();
		return store.plansOf(ids);
	}

	public List<WorkPlan> publicPlans() {
		return store.publicPlans();
	}

	public List<WorkTask> tasks(long planId) {
		return store.tasks(planId);
	}

	/** The task rows of a plan with every unit's item and its flags on {@code on}. */
	public List<TaskRow> rows(WorkPlan plan, LocalDate on) {
		List<WorkTask> tasks = store.tasks(plan.id());
		List<WorkTaskUnit> units = store.unitsOfPlan(plan.id());
		List<Item> items = items(units, Map.of(plan.id(), plan), tasks, on);
		Map<Long, List<Item>> byTask = new HashMap<>();
		items.forEach(i -> byTask.computeIfAbsent(i.task().id(), k -> new ArrayList<>()).add(i));
		return tasks.stream().map(t -> new TaskRow(t, byTask.getOrDefault(t.id(), List.of()))).toList();
	}

	/** An agency's items in issued and closed plans, with their flags on {@code on}. */
	public List<Item> itemsOf(long agencyId, LocalDate on) {
		List<WorkTaskUnit> units = store.unitsOfAgency(agencyId);
		Map<Long, WorkTask> tasks = new HashMap<>();
		Map<Long, WorkPlan> plans = new HashMap<>();
		for (WorkTaskUnit u : units) {
			WorkTask t = tasks.computeIfAbsent(u.taskId(), id -> store.task(id).orElseThrow());
			plans.computeIfAbsent(t.planId(), id -> store.plan(id).orElseThrow());
		}
		return items(units, plans, new ArrayList<>(tasks.values()), on);
	}

	/** The items of one task. */
	public List<Item> itemsOfTask(WorkPlan plan, WorkTask task, LocalDate on) {
		return items(store.unitsOfTask(task.id()), Map.of(plan.id(), plan), List.of(task), on);
	}

	private List<Item> items(List<WorkTaskUnit> units, Map<Long, WorkPlan> plans, Collection<WorkTask> tasks, LocalDate on) {
		Map<Long, WorkTask> byId = new HashMap<>();
		tasks.forEach(t -> byId.put(t.id(), t));
		List<Long> ids = units.stream().map(WorkTaskUnit::id).toList();
		YearMonth month = YearMonth.from(on);
		Set<Long> reported = new HashSet<>();
		for (Map.Entry<Long, LocalDate> e : store.reportedMonths(ids)) {
			if (YearMonth.from(e.getValue()).equals(month)) {
				reported.add(e.getKey());
			}
		}
		Map<Long, List<WorkTaskSupervision>> open = new HashMap<>();
		store.openSupervisions(ids).forEach(s -> open.computeIfAbsent(s.taskUnitId(), k -> new ArrayList<>()).add(s));
		ZoneId zone = Zones.CHINA;
		List<Item> out = new ArrayList<>();
		for (WorkTaskUnit u : units) {
			WorkTask t = byId.get(u.taskId());
			WorkPlan p = plans.get(t.planId());
			Agency a = agencies.findById(u.agencyId()).orElse(null);
			if (a == null) {
				continue;
			}
			boolean live = p.status() == WorkPlanStatus.ISSUED;
			LocalDate claimedOn = u.claimedAt() == null ? null : u.claimedAt().atZone(zone).toLocalDate();
			List<WorkTaskSupervision> notes = open.getOrDefault(u.id(), List.of());
			out.add(new Item(p, t, u, a, live && WorkTaskRules.overdue(t.dueOn(), u.status(), on),
					live && WorkTaskRules.claimLate(p.claimDeadline(), u.status(), on),
					live && WorkTaskRules.progressLate(p.year(), p.progressDay(), u.status(), claimedOn, reported.contains(u.id()), on),
					notes.size(), live && notes.stream().anyMatch(s -> on.isAfter(s.dueOn()))));
		}
		return out;
	}

	public List<WorkTaskProgress> progress(long unitId) {
		return store.progress(unitId);
	}

	public Optional<WorkTaskProgress> progressReport(long id) {
		return store.progressReport(id);
	}

	public List<WorkTaskSupervision> supervisions(long unitId) {
		return store.supervisions(unitId);
	}

	public List<WorkTaskLog> history(long taskId) {
		return store.history(taskId);
	}

	/** The task table of a plan as workbook rows, the units' claims filled in. */
	public List<List<String>> workbookRows(WorkPlan plan) {
		List<List<String>> rows = new ArrayList<>();
		for (TaskRow r : rows(plan, today())) {
			StringBuilder measures = new StringBuilder();
			StringBuilder contacts = new StringBuilder();
			for (Item i : r.items()) {
				if (i.unit().status() == WorkTaskUnitStatus.ASSIGNED) {
					continue;
				}
				String label = WorkPlanWorkbook.label(i.agency());
				measures.append(measures.isEmpty() ? "" : "\n").append(label).append('：').append(i.unit().measures());
				contacts.append(contacts.isEmpty() ? "" : "\n").append(label).append('：').append(i.unit().office()).append('，')
					.append(i.unit().person()).append('，').append(i.unit().phone());
			}
			WorkTask t = r.task();
			rows.add(java.util.Arrays.asList(t.groupTitle(), t.taskTitle(), t.requirement(), t.unitsText(),
					measures.isEmpty() ? null : measures.toString(), contacts.isEmpty() ? null : contacts.toString(),
					t.deadlineKind() == WorkTaskDeadlineKind.YEAR_END ? "年底前" : t.deadlineLabel()));
		}
		return rows;
	}
}
