package org.gongkai.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading an agency's training records and the yearly check against the plan ({@link TrainingRules}): sessions held
 * against planned, the shortfall of the sessions due, the attendance rate of the staff recorded and the pass rate of
 * the tests; and the supervisor's overview of every unit of the subtree.
 */
@Service
@Transactional(readOnly = true)
public class TrainingQueries {

	/**
	 * The yearly check of one unit at the end of {@code on}.
	 *
	 * @param planned the plan's number of sessions (0 without a plan)
	 * @param listed planned sessions listed in the plan
	 * @param due listed planned sessions whose month is over
	 * @param held sessions held in the year up to {@code on}
	 * @param expected staff lines of the attendance lists (present or absent)
	 * @param attended staff present
	 * @param takers staff who submitted a test of the year's sessions
	 * @param passed of them, those who passed (any attempt)
	 */
	public record YearCheck(Agency agency, int year, LocalDate on, TrainingPlan plan, int planned, int listed, int due, long held,
			int shortfall, int soon, int expected, int attended, int takers, int passed) {

		public boolean hasPlan() {
			return plan != null;
		}

		/** Attendance rate in whole percent, null when no staff were listed. */
		public Integer attendanceRate() {
			return expected == 0 ? null : (int) Math.round(100.0 * attended / expected);
		}

		/** Pass rate in whole percent, null when nobody took a test. */
		public Integer passRate() {
			return takers == 0 ? null : (int) Math.round(100.0 * passed / takers);
		}

		/** Whether the plan lists fewer sessions than it plans. */
		public boolean underListed() {
			return plan != null && listed < planned;
		}
	}

	private final TrainingRecords records;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final Clock clock;

	TrainingQueries(TrainingRecords records, AgencyAccess access, AgencyDirectory agencies, Clock clock) {
		this.records = records;
		this.access = access;
		this.agencies = agencies;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	/** The agencies whose training records the actor reads. */
	public List<Agency> readableAgencies(Actor actor) {
		return access.agenciesFor(actor, TrainingManagement.READERS);
	}

	public Optional<TrainingPlan> plan(long agencyId, int year) {
		access.require(agencyId, TrainingManagement.READERS);
		return records.plan(agencyId, year);
	}

	public List<TrainingSession> sessions(long agencyId, int year) {
		access.require(agencyId, TrainingManagement.READERS);
		return records.sessions(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** A session with the actor allowed to read it (readers of the agency, or its staff who take its tests). */
	public TrainingSession session(long id) {
		TrainingSession s = records.session(id).orElseThrow(() -> DomainException.notFound("该培训记录不存在"));
		Actor actor = Actors.require();
		if (!access.allows(actor, s.agencyId(), TrainingManagement.READERS)) {
			throw DomainException.forbidden("您没有查看该单位培训记录的权限");
		}
		return s;
	}

	public List<TrainingSession.Attendance> attendance(long sessionId) {
		session(sessionId);
		return records.attendance(sessionId);
	}

	public List<TrainingSession.Material> materials(long sessionId) {
		session(sessionId);
		return records.materials(sessionId);
	}

	public List<TrainingExam> examsOfSession(long sessionId) {
		session(sessionId);
		return records.examsOfSession(sessionId);
	}

	public Optional<TrainingPlan.Item> item(long itemId) {
		return records.item(itemId);
	}

	/** The plan a planned session belongs to, for readers of its agency. */
	public TrainingPlan planOf(TrainingPlan.Item item) {
		TrainingPlan plan = records.planById(item.planId()).orElseThrow();
		access.require(plan.agencyId(), TrainingManagement.READERS);
		return plan;
	}

	public List<TrainingExam> exams(long agencyId, int year) {
		access.require(agencyId, TrainingManagement.READERS);
		Set<Long> sessionIds = new HashSet<>();
		records.sessions(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).forEach(s -> sessionIds.add(s.id()));
		return records.examsOfAgency(agencyId).stream().filter(e -> sessionIds.contains(e.sessionId())).toList();
	}

	/** The yearly check of one unit for the actor (readers of the unit). */
	public YearCheck check(long agencyId, int year) {
		access.require(agencyId, TrainingManagement.READERS);
		return compute(agencies.requireById(agencyId), year, checkDay(year));
	}

	/** The yearly check of every unit the actor reads (the supervisor's subtree), in tree order. */
	public List<YearCheck> overview(int year) {
		Actor actor = Actors.require();
		List<Agency> units = access.agenciesFor(actor, TrainingManagement.READERS);
		if (units.isEmpty()) {
			throw DomainException.forbidden("您没有查看培训情况的权限");
		}
		LocalDate on = checkDay(year);
		List<YearCheck> all = new ArrayList<>();
		for (Agency a : units) {
			if (a.active()) {
				all.add(compute(a, year, on));
			}
		}
		return all;
	}

	/** Whether the actor may see the overview of several units (supervisors and system administrators). */
	public static boolean mayOverview(Actor actor) {
		return !actor.token() && (actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR));
	}

	/** Today for the current year, the year's last day for a past year, and its first day for a future one. */
	LocalDate checkDay(int year) {
		LocalDate today = today();
		if (year == today.getYear()) {
			return today;
		}
		return year < today.getYear() ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
	}

	/** The check computed from the records, without access checks (figures, dashboard). */
	YearCheck compute(Agency agency, int year, LocalDate on) {
		TrainingPlan plan = records.plan(agency.id(), year).orElse(null);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = on.isBefore(LocalDate.of(year, 12, 31)) ? on : LocalDate.of(year, 12, 31);
		long held = to.isBefore(from) ? 0 : records.countSessions(agency.id(), from, to);
		List<Integer> months = plan == null ? List.of() : plan.items().stream().map(TrainingPlan.Item::month).toList();
		int due = TrainingRules.dueCount(year, months, on);
		int shortfall = TrainingRules.shortfall(due, held);
		LocalDate monthEnd = on.withDayOfMonth(on.lengthOfMonth());
		int soon = on.getYear() == year ? TrainingRules.shortfall(TrainingRules.dueCount(year, months, monthEnd), held) - shortfall : 0;
		int expected = 0;
		int attended = 0;
		Map<String, Boolean> takers = new HashMap<>();
		for (TrainingSession s : to.isBefore(from) ? List.<TrainingSession>of() : records.sessions(agency.id(), from, to)) {
			for (TrainingSession.Attendance line : records.attendance(s.id())) {
				if (!line.external()) {
					expected++;
					if (line.attended()) {
						attended++;
					}
				}
			}
			for (TrainingExam e : records.examsOfSession(s.id())) {
				for (TrainingAttempt a : records.attempts(e.id())) {
					if (a.submitted()) {
						takers.merge(e.id() + "/" + a.username(), Boolean.TRUE.equals(a.passed()), Boolean::logicalOr);
					}
				}
			}
		}
		int passed = (int) takers.values().stream().filter(Boolean::booleanValue).count();
		return new YearCheck(agency, year, on, plan, plan == null ? 0 : plan.plannedSessions(), months.size(), due, held, shortfall,
				Math.max(0, soon), expected, attended, takers.size(), passed);
	}

	/**
	 * The planned sessions due on {@code on} that the sessions held up to then do not cover, as many as the shortfall: a
	 * session linked to a due planned session covers it; every other session held covers the earliest due one left.
	 */
	List<TrainingPlan.Item> dueUnmatched(TrainingPlan plan, LocalDate on) {
		List<TrainingPlan.Item> open = new ArrayList<>(plan.items().stream().filter(i -> TrainingRules.due(plan.year(), i.month(), on)).toList());
		LocalDate end = LocalDate.of(plan.year(), 12, 31);
		int others = 0;
		for (TrainingSession s : records.sessions(plan.agencyId(), LocalDate.of(plan.year(), 1, 1), on.isBefore(end) ? on : end)) {
			if (s.planItemId() == null || !open.removeIf(i -> i.id() == s.planItemId())) {
				others++;
			}
		}
		return open.subList(Math.min(others, open.size()), open.size());
	}
}
