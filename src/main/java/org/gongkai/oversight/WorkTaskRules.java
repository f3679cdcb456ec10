package org.gongkai.oversight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongkai.platform.InvalidInputException;

/**
 * The rules of the task table, each with its source:
 * <ul>
 * <li>Time limits as real tables write them (oversight-rules.md §3.1, 池州 department table): a date, 「年底前」 (31
 * December of the plan's year) or 「持续推进」 (continuous, never overdue by date).</li>
 * <li>Claiming (seed 003, 三（一）细化任务分解): each unit claims the tasks it bears, fills in its measures, the
 * responsible office and person, by the plan's claim deadline (「8月5日前」 in the seed).</li>
 * <li>Monthly progress (oversight-rules.md §3.3, 洪雅县 通报): every unit reports 「于每月25日前」; the day is set per plan,
 * default {@code gongkai.oversight.progress-day}.</li>
 * <li>Overdue: a task item past its deadline and not closed (销号, oversight-rules.md §3.3 南昌青山湖区 「逐条整改、销号管理」);
 * a claim missing after the claim deadline; the month's progress missing after the month's progress day.</li>
 * </ul>
 */
public final class WorkTaskRules {

	/** Default progress day of the month (洪雅县: 每月25日前). */
	public static final int DEFAULT_PROGRESS_DAY = 25;

	/** Fixed-line (区号-号码, optional extension) or mainland mobile numbers. */
	private static final Pattern PHONE = Pattern.compile("(0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|1[3-9]\\d{9})");

	private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日(前)?");

	private WorkTaskRules() {
	}

	/** A parsed time limit. */
	public record Deadline(WorkTaskDeadlineKind kind, LocalDate dueOn) {

		public String label() {
			return kind == WorkTaskDeadlineKind.DATE ? String.valueOf(dueOn) : kind.label();
		}
	}

	/**
	 * Reads a 完成时限 cell: empty or 「年底前」 means 31 December of {@code year}; 「持续推进」 (or 长期) means no date; a
	 * date as 2019-09-30 or 2019年9月30日(前). Anything else is refused naming {@code field}.
	 */
	public static Deadline deadline(String text, int year, String field) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty() || t.equals("年底前") || t.equals(year + "年底前") || t.equals("年内")) {
			return new Deadline(WorkTaskDeadlineKind.YEAR_END, LocalDate.of(year, 12, 31));
		}
		if (t.equals("持续推进") || t.equals("长期坚持") || t.equals("长期")) {
			return new Deadline(WorkTaskDeadlineKind.CONTINUOUS, null);
		}
		Matcher m = CHINESE_DATE.matcher(t);
		try {
			if (m.matches()) {
				return new Deadline(WorkTaskDeadlineKind.DATE,
						LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
			}
			return new Deadline(WorkTaskDeadlineKind.DATE, LocalDate.parse(t));
		}
		catch (java.time.DateTimeException e) {
			throw InvalidInputException.of(field, "完成时限应为日期（如 2026-09-30）、“年底前”或“持续推进”，而不是“" + t + "”");
		}
	}

	/** Checks a contact phone: a fixed line such as 0533-3241234 or a mobile number; returns it trimmed. */
	public static String phone(String text, String field) {
		String t = text == null ? "" : text.strip().replace(" ", "");
		if (t.isEmpty()) {
			throw InvalidInputException.of(field, "请填写联系电话");
		}
		if (!PHONE.matcher(t).matches()) {
			throw InvalidInputException.of(field, "联系电话应为固定电话（如 0533-3241234）或11位手机号码");
		}
		return t;
	}

	/** The progress day clamped to the month (a 31 in February is its last day). */
	public static LocalDate progressDue(YearMonth month, int progressDay) {
		return month.atDay(Math.min(Math.max(progressDay, 1), month.lengthOfMonth()));
	}

	/** Whether an item is past its deadline and not closed at the end of {@code on}. */
	public static boolean overdue(LocalDate dueOn, WorkTaskUnitStatus status, LocalDate on) {
		return dueOn != null && status != WorkTaskUnitStatus.CLOSED && on.isAfter(dueOn);
	}

	/** Whether a claim is missing after the claim deadline, at the end of {@code on}. */
	public static boolean claimLate(LocalDate claimDeadline, WorkTaskUnitStatus status, LocalDate on) {
		return status == WorkTaskUnitStatus.ASSIGNED && claimDeadline != null && on.isAfter(claimDeadline);
	}

	/**
	 * Whether the progress report of the month of {@code on} is missing after the month's progress day: only for items
	 * claimed (not yet closed) before that day, within the plan's year.
	 *
	 * @param claimedOn the day the item was claimed (null when not claimed)
	 * @param reportedThisMonth whether a report for the month of {@code on} exists
	 */
	public static boolean progressLate(int planYear, int progressDay, WorkTaskUnitStatus status, LocalDate claimedOn,
			boolean reportedThisMonth, LocalDate on) {
		if (status != WorkTaskUnitStatus.CLAIMED || claimedOn == null || reportedThisMonth || on.getYear() != planYear) {
			return false;
		}
		LocalDate due = progressDue(YearMonth.from(on), progressDay);
		return on.isAfter(due) && claimedOn.isBefore(due);
	}
}
