package org.gongkai.interaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.calendar.YearNotLoadedException;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message statistics, counted from the records and never stored: per handling agency and period, the messages
 * received in the period (a cohort by submission date) and what became of them. On time means the first reply
 * came on or before the reply date; a message still unanswered after its reply date counts against the on-time
 * rate. Working days to reply are counted through the calendar from acceptance to the first reply.
 */
@Service
@Transactional(readOnly = true)
public class InteractionStatistics {

	/**
	 * One agency's figures for a period. Rates are percentages with one decimal, null when there is nothing to
	 * divide by.
	 */
	public record Row(Long agencyId, String agencyName, int received, int accepted, int rejected, int replied, int onTime,
			int late, int overdueOpen, Double onTimeRate, Double averageWorkingDays, int rated, int satisfied,
			Double satisfactionRate, Map<MessageType, Integer> byType) {
	}

	/** A period's rows, one per agency with messages, and the total. */
	public record Table(LocalDate from, LocalDate to, List<Row> rows, Row total) {
	}

	private final Messages messages;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	InteractionStatistics(Messages messages, AgencyDirectory agencies, WorkingDayCalendar calendar, Clock clock) {
		this.messages = messages;
		this.agencies = agencies;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The month's table for every agency. */
	public Table month(YearMonth month) {
		return table(month.atDay(1), month.plusMonths(1).atDay(1), a -> true);
	}

	/** The year's figures for one agency, for the annual report's section on interaction. */
	public Row year(long agencyId, int year) {
		Table t = table(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), id -> id == agencyId);
		return t.rows().isEmpty() ? empty(agencyId, agencies.findById(agencyId).map(Agency::name).orElse("")) : t.rows().get(0);
	}

	/** The months whose tables are published: every finished month of the year up to last month. */
	public List<YearMonth> publishedMonths(int year) {
		YearMonth current = YearMonth.now(clock.withZone(Zones.CHINA));
		List<YearMonth> out = new ArrayList<>();
		for (int m = 12; m >= 1; m--) {
			YearMonth ym = YearMonth.of(year, m);
			if (ym.isBefore(current)) {
				out.add(ym);
			}
		}
		return out;
	}

	/** Whether a month is finished and so published. */
	public boolean published(YearMonth month) {
		return month.isBefore(YearMonth.now(clock.withZone(Zones.CHINA)));
	}

	Table table(LocalDate from, LocalDate to, Predicate<Long> agencyFilter) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Map<Long, Counter> byAgency = new LinkedHashMap<>();
		Counter total = new Counter();
		for (Message m : messages.submittedBetween(from, to)) {
			if (!agencyFilter.test(m.handlingAgencyId())) {
				continue;
			}
			Counter c = byAgency.computeIfAbsent(m.handlingAgencyId(), id -> new Counter());
			c.add(m, today);
			total.add(m, today);
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<Long, Counter> e : byAgency.entrySet()) {
			String name = agencies.findById(e.getKey()).map(Agency::name).orElse("");
			rows.add(e.getValue().row(e.getKey(), name));
		}
		rows.sort(Comparator.comparing(Row::received).reversed().thenComparing(Row::agencyName));
		return new Table(from, to.minusDays(1), rows, total.row(null, "合计"));
	}

	private Row empty(long agencyId, String name) {
		return new Counter().row(agencyId, name);
	}

	private final class Counter {

		int received;

		int accepted;

		int rejected;

		int replied;

		int onTime;

		int late;

		int overdueOpen;

		long workingDays;

		int timed;

		int rated;

		int satisfied;

		final Map<MessageType, Integer> byType = new LinkedHashMap<>();

		Counter() {
			for (MessageType t : MessageType.values()) {
				byType.put(t, 0);
			}
		}

		void add(Message m, LocalDate today) {
			received++;
			byType.merge(m.type(), 1, Integer::sum);
			if (m.status() == MessageStatus.REJECTED) {
				rejected++;
				return;
			}
			if (m.acceptedOn() != null) {
				accepted++;
			}
			if (m.firstRepliedOn() != null) {
				replied++;
				if (Boolean.TRUE.equals(m.firstReplyLate())) {
					late++;
				}
				else {
					onTime++;
				}
				if (m.acceptedOn() != null) {
					try {
						workingDays += calendar.workingDaysBetween(m.acceptedOn(), m.firstRepliedOn());
						timed++;
					}
					catch (YearNotLoadedException e) {
						// a year without its holiday notice: left out of the average rather than guessed
					}
				}
			}
			else if (m.overdue(today)) {
				overdueOpen++;
			}
			if (m.rating() != null) {
				rated++;
				if (m.rating().satisfied()) {
					satisfied++;
				}
			}
		}

		Row row(Long agencyId, String name) {
			return new Row(agencyId, name, received, accepted, rejected, replied, onTime, late, overdueOpen,
					percent(onTime, replied + overdueOpen), timed == 0 ? null : Math.round(workingDays * 10.0 / timed) / 10.0,
					rated, satisfied, percent(satisfied, rated), Map.copyOf(byType));
		}
	}

	private static Double percent(int part, int whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}
}
