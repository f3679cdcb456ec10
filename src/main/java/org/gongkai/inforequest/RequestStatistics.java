package org.gongkai.inforequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actors;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
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

	/** 信息处理费 of a year: notices sent, fees paid and the amount paid (yuan). */
	public record FeeFigures(int noticesSent, int paid, BigDecimal collectedYuan) {
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
		Map<String, Map<ApplicantType, Integer>> rows = new LinkedHashMap<>();
		for (String row : TABLE3_ROWS) {
			rows.put(row, new EnumMap<>(ApplicantType.class));
		}
		for (Placement p : table3Placements(agencyId, year)) {
			rows.get(p.row()).merge(p.request().applicantType(), 1, Integer::sum);
		}
		return new Table3(rows);
	}

	/**
	 * The cases behind one cell of table 三: {@code rowKey} as in {@link Table3} ({@code new}, {@code carriedIn},
	 * {@code r1} … {@code r6_3}, {@code rTotal}, {@code carriedOut}), {@code column} the applicant type or null for the
	 * 总计 column. Reference: the tracking code; title: the outcome (for a case closed by 31 December) or
	 * 「截至年底未办结」, never the applicant or the content; date: the receipt for {@code new}, {@code carriedIn} and
	 * {@code carriedOut}, the closing day for the outcome rows and {@code rTotal}.
	 */
	public List<CountedRecord> table3Records(long agencyId, int year, String rowKey, ApplicantType column) {
		requireAccess(agencyId);
		if (!TABLE3_ROWS.contains(rowKey)) {
			throw InvalidInputException.of("row", "表三没有“" + rowKey + "”行");
		}
		List<CountedRecord> out = new ArrayList<>();
		for (Placement p : table3Placements(agencyId, year)) {
			if (p.row().equals(rowKey) && (column == null || p.request().applicantType() == column)) {
				InfoRequest r = p.request();
				out.add(new CountedRecord(r.trackingCode(), p.closed() ? r.outcome().label() : "截至年底未办结", p.date(),
						consoleUrl(r.id())));
			}
		}
		return out;
	}

	/** The row keys of table 三 in the order of the format (the keys {@link #table3Records} accepts). */
	public static final List<String> TABLE3_ROWS;

	static {
		List<String> keys = new ArrayList<>(List.of("new", "carriedIn"));
		for (Outcome o : Outcome.values()) {
			keys.add(o.key());
		}
		keys.add("rTotal");
		keys.add("carriedOut");
		TABLE3_ROWS = List.copyOf(keys);
	}

	/** One case placed in one row of table 三, with the day that placed it there. */
	private record Placement(String row, InfoRequest request, LocalDate date, boolean closed) {
	}

	/**
	 * The one classification of table 三 (domain-rules.md §2.3): every case received by 31 December and not closed
	 * before 1 January counts once as 本年新收 (received in the year) or 上年结转 (received earlier), and once either in
	 * its outcome row and 总计 (closed by 31 December) or as 结转下年 (still open on 31 December). The column is the
	 * applicant type.
	 */
	private List<Placement> table3Placements(long agencyId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		List<Placement> out = new ArrayList<>();
		for (InfoRequest r : requests.activeIn(agencyId, from, to)) {
			boolean closed = r.closedOn() != null && !r.closedOn().isAfter(to);
			out.add(new Placement(r.receivedOn().isBefore(from) ? "carriedIn" : "new", r, r.receivedOn(), closed));
			if (closed) {
				out.add(new Placement(r.outcome().key(), r, r.closedOn(), true));
				out.add(new Placement("rTotal", r, r.closedOn(), true));
			}
			else {
				out.add(new Placement("carriedOut", r, r.receivedOn(), false));
			}
		}
		return out;
	}

	public Table4 table4(long agencyId, int year) {
		requireAccess(agencyId);
		Map<Remedy.Kind, Map<Remedy.Result, Integer>> cells = new EnumMap<>(Remedy.Kind.class);
		for (Remedy.Kind k : Remedy.Kind.values()) {
			cells.put(k, new EnumMap<>(Remedy.Result.class));
		}
		for (Remedy m : requests.remediesFiled(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
			cells.get(m.kind()).merge(resultAtYearEnd(m, year), 1, Integer::sum);
		}
		return new Table4(cells);
	}

	/**
	 * The remedies behind one cell of table 四: {@code result} null for the group's 总计. Reference: the request's
	 * tracking code; title: the kind and the result at 31 December; date: the filing day.
	 */
	public List<CountedRecord> table4Records(long agencyId, int year, Remedy.Kind kind, Remedy.Result result) {
		requireAccess(agencyId);
		List<CountedRecord> out = new ArrayList<>();
		for (Remedy m : requests.remediesFiled(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
			Remedy.Result at = resultAtYearEnd(m, year);
			if (m.kind() == kind && (result == null || at == result)) {
				String code = requests.find(m.requestId()).map(InfoRequest::trackingCode).orElse("#" + m.requestId());
				out.add(new CountedRecord(code, m.kind().label() + "：" + at.label(), m.filedOn(), consoleUrl(m.requestId())));
			}
		}
		return out;
	}

	/**
	 * Table 四 counts the remedies filed in the year (domain-rules.md §2.4), each with its result as it stood on 31
	 * December: 尚未审结 when not decided by then.
	 */
	private static Remedy.Result resultAtYearEnd(Remedy m, int year) {
		LocalDate to = LocalDate.of(year, 12, 31);
		return m.decidedOn() == null || m.decidedOn().isAfter(to) ? Remedy.Result.PENDING : m.result();
	}

	/**
	 * The information-processing fees of the year (国办函〔2020〕109号 《政府信息公开信息处理费管理办法》; report section
	 * 六): fee notices sent in the year (the notice day), fees paid in the year (the payment day) and the amount paid in
	 * the year in yuan. A fee counts in the year it is paid.
	 */
	public FeeFigures fees(long agencyId, int year) {
		requireAccess(agencyId);
		List<InfoRequest> all = requests.withFeeIn(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		List<InfoRequest> noticed = all.stream().filter(feePredicate("noticesSent", year)).toList();
		List<InfoRequest> paid = all.stream().filter(feePredicate("paid", year)).toList();
		BigDecimal collected = paid.stream()
			.map(r -> r.feeAmount() == null ? BigDecimal.ZERO : r.feeAmount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new FeeFigures(noticed.size(), paid.size(), collected);
	}

	/**
	 * The cases behind a figure of {@link #fees}: {@code column} is {@code noticesSent} (date: the notice day) or
	 * {@code paid} (date: the payment day; title carries the amount).
	 */
	public List<CountedRecord> feeRecords(long agencyId, int year, String column) {
		requireAccess(agencyId);
		Predicate<InfoRequest> counted = feePredicate(column, year);
		return requests.withFeeIn(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.stream()
			.filter(counted)
			.map(r -> new CountedRecord(r.trackingCode(),
					"paid".equals(column) ? "已缴纳信息处理费" + r.feeAmount().toPlainString() + "元"
							: "发出收费通知（" + (r.feeAmount() == null ? "" : r.feeAmount().toPlainString() + "元") + "）",
					"paid".equals(column) ? r.feePaidOn() : r.feeNoticeOn(), consoleUrl(r.id())))
			.toList();
	}

	private static Predicate<InfoRequest> feePredicate(String column, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		return switch (column == null ? "" : column) {
			case "noticesSent" -> r -> r.feeNoticeOn() != null && !r.feeNoticeOn().isBefore(from) && !r.feeNoticeOn().isAfter(to);
			case "paid" -> r -> r.feePaidOn() != null && r.feeAmount() != null && !r.feePaidOn().isBefore(from)
					&& !r.feePaidOn().isAfter(to);
			default -> throw InvalidInputException.of("column", "栏目应为 noticesSent 或 paid");
		};
	}

	private static String consoleUrl(long requestId) {
		return "/console/requests/" + requestId;
	}

	private void requireAccess(long agencyId) {
		org.gongkai.platform.Actor actor = Actors.require();
		if (actor.token()) {
			// a reporting tool's token of the agency (scope reports): the tables hold counts, no personal data
			CaseAccess.requireToken(agencyId, "reports");
			return;
		}
		if (!access.allows(actor, agencyId, Role.REQUEST_HANDLER, Role.AGENCY_ADMIN, Role.APPROVER, Role.EDITOR,
				Role.REVIEWER, Role.SUPERVISOR)) {
			throw DomainException.forbidden("您没有查看该单位依申请公开统计的权限");
		}
	}
}
