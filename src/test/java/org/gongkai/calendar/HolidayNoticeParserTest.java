package org.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class HolidayNoticeParserTest {

	/** The body of the 2026 notice in the State Council's usual wording (domain-rules.md §7.2). */
	static final String NOTICE_2026 = """
			国务院办公厅关于2026年部分节假日安排的通知
			经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
			一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
			二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
			三、清明节：4月4日（周六）至6日（周一）放假，共3天。
			四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
			五、端午节：6月19日（周五）至21日（周日）放假，共3天。
			六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
			七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
			节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
			""";

	@Test
	void readsTheWhole2026NoticeExactlyAsShipped() {
		HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(2026, NOTICE_2026);
		CalendarYear shipped = OfficialHolidays.load().stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
		assertThat(parsed.warnings()).isEmpty();
		assertThat(parsed.days()).hasSize(shipped.days().size());
		assertThat(parsed.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(ArrangedDay::date).sorted())
			.containsExactlyElementsOf(shipped.holidays());
		assertThat(parsed.days().stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).map(ArrangedDay::date).sorted())
			.containsExactlyElementsOf(shipped.makeupWorkdays());
	}

	@Test
	void namesEachDayAfterItsHoliday() {
		HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(2026, NOTICE_2026);
		assertThat(parsed.days()).contains(new ArrangedDay(LocalDate.of(2026, 2, 15), DayKind.HOLIDAY, "春节"),
				new ArrangedDay(LocalDate.of(2026, 10, 10), DayKind.MAKEUP_WORKDAY, "国庆节"));
	}

	@Test
	void aSingleDayWithoutARangeIsRead() {
		HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(2025, "一、元旦：1月1日（周三）放假1天，不调休。");
		assertThat(parsed.days()).containsExactly(new ArrangedDay(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "元旦"));
	}

	@Test
	void aDayOfAnotherYearIsLeftOutWithAWarning() {
		HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(2024,
				"一、元旦：2023年12月30日至2024年1月1日放假调休，共3天。");
		assertThat(parsed.days()).extracting(ArrangedDay::date).containsExactly(LocalDate.of(2024, 1, 1));
		assertThat(parsed.warnings()).anyMatch(w -> w.contains("2023-12-30") && w.contains("不属于2024年"));
	}

	@Test
	void aTotalThatDoesNotMatchTheRangeIsFlagged() {
		HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(2026, "四、劳动节：5月1日（周五）至5日（周二）放假调休，共4天。");
		assertThat(parsed.warnings()).anyMatch(w -> w.contains("劳动节") && w.contains("共4天") && w.contains("识别出5天"));
	}

	@Test
	void textWithoutNumberedItemsIsReportedNotGuessed() {
		HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(2027, "明年放假安排另行通知。");
		assertThat(parsed.days()).isEmpty();
		assertThat(parsed.warnings()).isNotEmpty();
	}

	private static List<ArrangedDay> sorted(List<ArrangedDay> days) {
		return days.stream().sorted(Comparator.comparing(ArrangedDay::date)).toList();
	}
}
