package org.gongkai.catalog;

import java.time.LocalDate;
import java.util.Optional;

import org.gongkai.calendar.WorkingDayCalendar;

/**
 * The computable part of a catalogue entry's 公开时限 (domain-rules.md §5.3 and §9.1). Stored as a short
 * text such as {@code WORKING_DAYS:20}, {@code ANNUAL:01-31} or {@code REALTIME}.
 */
public record TimeLimitRule(Type type, int days, int month, int day) {

	public enum Type {
		/** n working days after the information is formed or changed (条例 Art. 26: 20). */
		WORKING_DAYS,
		CALENDAR_DAYS,
		/** 实时公开: at once. */
		REALTIME,
		/** 及时公开: promptly, no fixed count. */
		TIMELY,
		/** every year by a date (e.g. 年度报告 by 31 January). */
		ANNUAL,
		QUARTERLY,
		MONTHLY,
		/** 长期公开 / 常态公开: kept up to date. */
		STANDING
	}

	/** 条例 Art. 26: 「自该政府信息形成或者变更之日起20个工作日内及时公开」. */
	public static final TimeLimitRule ARTICLE_26 = new TimeLimitRule(Type.WORKING_DAYS, 20, 0, 0);

	public static TimeLimitRule parse(String text) {
		if (text == null || text.isBlank()) {
			return ARTICLE_26;
		}
		String[] parts = text.split(":", 2);
		Type type = Type.valueOf(parts[0]);
		return switch (type) {
			case WORKING_DAYS, CALENDAR_DAYS -> new TimeLimitRule(type, Integer.parseInt(parts[1]), 0, 0);
			case ANNUAL -> {
				String[] md = parts[1].split("-");
				yield new TimeLimitRule(type, 0, Integer.parseInt(md[0]), Integer.parseInt(md[1]));
			}
			default -> new TimeLimitRule(type, 0, 0, 0);
		};
	}

	public String encode() {
		return switch (type) {
			case WORKING_DAYS, CALENDAR_DAYS -> type + ":" + days;
			case ANNUAL -> type + ":" + String.format("%02d-%02d", month, day);
			default -> type.name();
		};
	}

	/**
	 * The date by which an item formed or changed on {@code formedOn} must be public, where the rule
	 * counts from that date; empty for periodic or standing rules. REALTIME and TIMELY are held to the
	 * Art. 26 outer limit, since 「及时」 never allows more than the general rule.
	 */
	public Optional<LocalDate> publishBy(LocalDate formedOn, WorkingDayCalendar calendar) {
		return switch (type) {
			case WORKING_DAYS -> Optional.of(calendar.addWorkingDays(formedOn, days));
			case CALENDAR_DAYS -> Optional.of(formedOn.plusDays(days));
			case REALTIME, TIMELY -> Optional.of(calendar.addWorkingDays(formedOn, ARTICLE_26.days()));
			default -> Optional.empty();
		};
	}

	/**
	 * For a periodic rule, whether a node whose latest publication was on {@code lastPublished} (null:
	 * never) is behind on {@code today}: an annual item not published since the last deadline, a
	 * quarterly one not in the past quarter, a monthly one not in the past month.
	 */
	public boolean isStale(LocalDate lastPublished, LocalDate today) {
		return switch (type) {
			case ANNUAL -> {
				LocalDate deadline = LocalDate.of(today.getYear(), month, day);
				if (!today.isAfter(deadline)) {
					deadline = deadline.minusYears(1); // the last deadline that has passed
				}
				LocalDate previous = deadline.minusYears(1);
				yield lastPublished == null || !lastPublished.isAfter(previous);
			}
			case QUARTERLY -> lastPublished == null || lastPublished.isBefore(today.minusMonths(3).minusDays(15));
			case MONTHLY -> lastPublished == null || lastPublished.isBefore(today.minusMonths(1).minusDays(10));
			default -> false;
		};
	}

	/** The rule in Chinese, for the console. */
	public String describe() {
		return switch (type) {
			case WORKING_DAYS -> "形成或变更之日起" + days + "个工作日内";
			case CALENDAR_DAYS -> "形成或变更之日起" + days + "日内";
			case REALTIME -> "实时公开";
			case TIMELY -> "及时公开";
			case ANNUAL -> "每年" + month + "月" + day + "日前";
			case QUARTERLY -> "每季度";
			case MONTHLY -> "每月";
			case STANDING -> "长期公开，及时更新";
		};
	}
}
