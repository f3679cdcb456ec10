package org.gongkai.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a State Council General Office holiday notice (《国务院办公厅关于YYYY年部分节假日安排的通知》)
 * into days off and make-up working days. Each numbered item looks like
 * 「二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。」
 * The result is shown to the administrator for confirmation before anything is saved.
 */
public final class HolidayNoticeParser {

	/** What was read, and anything the administrator should check. */
	public record Parsed(List<ArrangedDay> days, List<String> warnings) {
	}

	private static final Pattern ITEM = Pattern.compile("(?:^|\\n)\\s*[一二三四五六七八九十]+、\\s*([^：:\\n]+)[：:]([^\\n]*)");

	private static final Pattern FULL_DATE = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日");

	private static final Pattern RANGE = Pattern.compile(
			"(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:（[^）]*）|\\([^)]*\\))?\\s*至\\s*(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日");

	private static final Pattern TOTAL = Pattern.compile("共(\\d+)天");

	private HolidayNoticeParser() {
	}

	public static Parsed parse(int year, String notice) {
		List<String> warnings = new ArrayList<>();
		Map<LocalDate, ArrangedDay> days = new LinkedHashMap<>();
		if (notice == null || notice.isBlank()) {
			return new Parsed(List.of(), List.of("通知内容为空"));
		}
		String text = notice.replace('\r', '\n').replace("\u3000", " ");
		Matcher item = ITEM.matcher(text);
		int items = 0;
		while (item.find()) {
			items++;
			String name = item.group(1).trim();
			for (String sentence : item.group(2).split("[。；;]")) {
				if (sentence.contains("放假")) {
					readHolidays(year, name, sentence, days, warnings);
				}
				if (sentence.contains("上班")) {
					Matcher d = FULL_DATE.matcher(sentence);
					while (d.find()) {
						LocalDate date = date(d.group(1), d.group(2), d.group(3), year, warnings);
						if (date != null) {
							keep(year, new ArrangedDay(date, DayKind.MAKEUP_WORKDAY, name), days, warnings);
						}
					}
				}
			}
		}
		if (items == 0) {
			warnings.add("未识别到“一、元旦：……”格式的条目，请检查粘贴的通知全文，或直接填写日期列表");
		}
		return new Parsed(List.copyOf(days.values()), warnings);
	}

	private static void readHolidays(int year, String name, String sentence, Map<LocalDate, ArrangedDay> days,
			List<String> warnings) {
		Matcher range = RANGE.matcher(sentence);
		int found = 0;
		int counted = 0;
		while (range.find()) {
			found++;
			LocalDate from = date(range.group(1), range.group(2), range.group(3), year, warnings);
			String toYear = range.group(4) != null ? range.group(4) : (from == null ? null : String.valueOf(from.getYear()));
			String toMonth = range.group(5) != null ? range.group(5) : range.group(2);
			LocalDate to = date(toYear, toMonth, range.group(6), year, warnings);
			if (from == null || to == null) {
				continue;
			}
			if (to.isBefore(from)) {
				warnings.add(name + "：放假起止日期颠倒（" + from + " 至 " + to + "）");
				continue;
			}
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				counted++;
				keep(year, new ArrangedDay(d, DayKind.HOLIDAY, name), days, warnings);
			}
		}
		if (found == 0) {
			Matcher single = FULL_DATE.matcher(sentence);
			if (single.find()) {
				LocalDate d = date(single.group(1), single.group(2), single.group(3), year, warnings);
				if (d != null) {
					counted++;
					keep(year, new ArrangedDay(d, DayKind.HOLIDAY, name), days, warnings);
				}
			}
		}
		Matcher total = TOTAL.matcher(sentence);
		if (total.find() && Integer.parseInt(total.group(1)) != counted) {
			warnings.add(name + "：通知写明共" + total.group(1) + "天，识别出" + counted + "天，请核对");
		}
	}

	private static void keep(int year, ArrangedDay day, Map<LocalDate, ArrangedDay> days, List<String> warnings) {
		if (day.date().getYear() != year) {
			warnings.add(day.date() + "（" + day.name() + "）不属于" + year + "年，已略去；请在" + day.date().getYear() + "年的日历中录入");
			return;
		}
		ArrangedDay existing = days.get(day.date());
		if (existing != null && existing.kind() != day.kind()) {
			warnings.add(day.date() + " 同时被识别为放假日和上班日，请核对");
		}
		days.put(day.date(), day);
	}

	private static LocalDate date(String y, String m, String d, int defaultYear, List<String> warnings) {
		int year = y == null ? defaultYear : Integer.parseInt(y);
		try {
			return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
		}
		catch (DateTimeException e) {
			warnings.add("无效日期：" + year + "年" + m + "月" + d + "日");
			return null;
		}
	}
}
