package org.gongkai.inforequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual-report tables 三 (requests received and handled) and 四 (reconsideration and litigation) of an agency
 * and year, counted from the case records (domain-rules.md §2.3–2.4). The annual report and oversight take these
 * figures from here; the rules of counting live only here.
 */
@Service
@Transactional(readOnly = true)
public class RequestStatistics {

	/** Table 三: 25 rows × 7 columns, rows keyed as in api-contract.md (new, carriedIn, r1 … r6_3, rTotal, carriedOut). */
	public record Table3(Map<String, Map<ApplicantType, Integer>> rows) {

		public int cell(String row, ApplicantType column) {
			return rows.get(row).getOrDefault(column, 0);
		}

		public int total(String row) {
			return rows.get(row).values().stream().mapToInt(Integer::intValue).sum();
		}

		/** The checks V1–V3 of domain-rules.md §2.3; empty when all hold. */
		public List<String> failedChecks() {
			List<String> failed = new ArrayList<>();
			for (ApplicantType t : ApplicantType.values()) {
				if (cell("new", t) + cell("carriedIn", t) != cell("rTotal", t) + cell("carriedOut", t)) {
					failed.add("V1：" + t.label() + "列 本年新收+上年结转 ≠ 办理结果总计+结转下年");
				}
				int sum = 0;
				for (Outcome o : Outcome.values()) {
					sum += cell(o.key(), t);
				}
				if (sum != cell("rTotal", t)) {
					failed.add("V2：" + t.label() + "列 各办理结果之和 ≠ 总计");
				}
			}
			for (String row : rows.keySet()) {
				int columns = 0;
				for (ApplicantType t : ApplicantType.values()) {
					columns += cell(row, t);
				}
				if (columns != total(row)) {
					failed.add("V3：" + row + "行 各类申请人之和 ≠ 总计");
				}
			}
			return failed;
		}
	}

	/** Table 四: per kind, results upheld, corrected, other, pending and the total. */
	public record Table4(Map<Remedy.Kind, Map<Remedy.Result, Integer>> cells) {

		public int cell(Remedy.Kind kind, Remedy.Result result) {
			return cells.get(kind).getOrDefault(result, 0);
		}

		public int total(Remedy.Kind kind) {
			return cells.get(kind).values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/**
	 * How the agency answered in a year: replies given, how many by their due date, and the average working days
	 * from the (corrected) receipt to the reply.
	 */
	public record Performance(int replied, int onTime, Double averageWorkingDays) {

		public Double onTimeRate() {
			return replied == 0 ? null : onTime * 100.0 / replied;
		}
	}

	private final InfoRequests requests;

	private final AgencyAccess access;

	private final org.gongkai.calendar.WorkingDayCalendar calendar;

	RequestStatistics(InfoRequests requests, AgencyAccess access, org.gongkai.calendar.WorkingDayCalendar calendar) {
		this.requests = requests;
		this.access = access;
		this.calendar = calendar;
	}

	public Performance performance(long agencyId, int year) {
		requireAccess(agencyId);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		int replied = 0;
		int onTime = 0;
		long days = 0;
		int counted = 0;
		for (InfoRequest r : requests.activeIn(agencyId, from, to)) {
			if (r.status() != RequestStatus.REPLIED || r.repliedOn() == null || r.repliedOn().isBefore(from)
					|| r.repliedOn().isAfter(to)) {
				continue;
			}
			replied++;
			if (r.dueOn() == null || !r.repliedOn().isAfter(r.dueOn())) {
				onTime++;
			}
			try {
				days += Math.max(0, calendar.workingDaysBetween(r.clockStart(), r.repliedOn()));
				counted++;
			}
			catch (RuntimeException e) {
				// a year without its holiday notice: left out of the average
			}
		}
		return new Performance(replied, onTime, counted == 0 ? null : days / (double) counted);
	}

	public Table3 table3(long agencyId, int year) {
		requireAccess(agencyId);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<String, Map<ApplicantType, Integer>> rows = new LinkedHashMap<>();
		rows.put("new", new EnumMap<>(ApplicantType.class));
		rows.put("carriedIn", new EnumMap<>(ApplicantType.class));
		for (Outcome o : Outcome.values()) {
			rows.put(o.key(), new EnumMap<>(ApplicantType.class));
		}
		rows.put("rTotal", new EnumMap<>(ApplicantType.class));
		rows.put("carriedOut", new EnumMap<>(ApplicantType.class));
		for (InfoRequest r : requests.activeIn(agencyId, from, to)) {
			ApplicantType t = r.applicantType();
			add(rows, r.receivedOn().isBefore(from) ? "carriedIn" : "new", t);
			if (r.closedOn() != null && !r.closedOn().isAfter(to)) {
				add(rows, r.outcome().key(), t);
				add(rows, "rTotal", t);
			}
			else {
				add(rows, "carriedOut", t);
			}
		}
		return new Table3(rows);
	}

	public Table4 table4(long agencyId, int year) {
		requireAccess(agencyId);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<Remedy.Kind, Map<Remedy.Result, Integer>> cells = new EnumMap<>(Remedy.Kind.class);
		for (Remedy.Kind k : Remedy.Kind.values()) {
			cells.put(k, new EnumMap<>(Remedy.Result.class));
		}
		for (Remedy m : requests.remediesFiled(agencyId, LocalDate.of(year, 1, 1), to)) {
			// the result as it stood at the end of the year
			Remedy.Result result = m.decidedOn() == null || m.decidedOn().isAfter(to) ? Remedy.Result.PENDING : m.result();
			cells.get(m.kind()).merge(result, 1, Integer::sum);
		}
		return new Table4(cells);
	}

	private static void add(Map<String, Map<ApplicantType, Integer>> rows, String row, ApplicantType t) {
		rows.get(row).merge(t, 1, Integer::sum);
	}

	private void requireAccess(long agencyId) {
		org.gongkai.platform.Actor actor = Actors.require();
		if (actor.token()) {
			// a reporting tool's token of the agency (scope reports): the tables hold counts, no personal data
			CaseAccess.requireToken(agencyId, "reports");
			return;
		}
		if (!access.allows(actor, agencyId, Role.REQUEST_HANDLER, Role.AGENCY_ADMIN, Role.APPROVER, Role.SUPERVISOR)) {
			throw DomainException.forbidden("您没有查看该单位依申请公开统计的权限");
		}
	}
}
