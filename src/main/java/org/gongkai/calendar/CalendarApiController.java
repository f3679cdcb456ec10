package org.gongkai.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calendar endpoints of api-contract.md. */
@RestController
@Tag(name = "Calendar", description = "法定工作日与期限计算")
class CalendarApiController {

	private final WorkingDayCalendar calendar;

	private final CalendarManagement management;

	CalendarApiController(WorkingDayCalendar calendar, CalendarManagement management) {
		this.calendar = calendar;
		this.management = management;
	}

	record WorkingDaysAnswer(LocalDate from, int add, LocalDate due, boolean provisional) {
	}

	record DayView(LocalDate date, DayKind kind, String name) {
	}

	record YearView(int year, List<LocalDate> holidays, List<LocalDate> makeupWorkdays, String source,
			LocalDate noticeDate, List<DayView> days) {
	}

	record HolidayInput(LocalDate date, String name) {
	}

	record YearInput(String source, LocalDate noticeDate, List<HolidayInput> holidays, List<LocalDate> makeupWorkdays) {
	}

	@GetMapping("/api/v1/public/calendar/working-days")
	@Operation(summary = "从某日起算若干个工作日后的到期日（自次日起算，民法典第二百零一条）",
			description = "所需年份的放假通知未录入时返回 422；带 provisional=true 时改为按周末推算并标记为暂定。")
	WorkingDaysAnswer workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int add,
			@Parameter(description = "允许对未录入年份按周末暂定推算") @RequestParam(defaultValue = "false") boolean provisional) {
		if (add < 0 || add > 1000) {
			throw InvalidInputException.of("add", "工作日数应在0至1000之间");
		}
		DueDate due = provisional ? calendar.addWorkingDaysProvisionally(from, add)
				: new DueDate(calendar.addWorkingDays(from, add), false);
		return new WorkingDaysAnswer(from, add, due.date(), due.provisional());
	}

	@GetMapping("/api/v1/public/calendar/{year}")
	@Operation(summary = "某年的法定节假日与调休上班日及其依据")
	YearView year(@PathVariable int year) {
		return calendar.year(year)
			.map(CalendarApiController::view)
			.orElseThrow(() -> DomainException.notFound(year + "年的法定节假日安排尚未录入"));
	}

	@PutMapping("/api/v1/calendar/{year}")
	@Operation(summary = "录入或更正某年的放假安排（系统管理员）")
	YearView save(@PathVariable int year, @RequestBody YearInput input) {
		List<ArrangedDay> days = new ArrayList<>();
		if (input.holidays() != null) {
			input.holidays().forEach(h -> {
				if (h == null || h.date() == null) {
					throw InvalidInputException.of("holidays", "放假日期不能为空");
				}
				days.add(new ArrangedDay(h.date(), DayKind.HOLIDAY, h.name()));
			});
		}
		if (input.makeupWorkdays() != null) {
			input.makeupWorkdays().forEach(d -> {
				if (d == null) {
					throw InvalidInputException.of("makeupWorkdays", "调休上班日期不能为空");
				}
				days.add(new ArrangedDay(d, DayKind.MAKEUP_WORKDAY, null));
			});
		}
		return view(management.saveYear(year, input.source(), input.noticeDate(), days));
	}

	private static YearView view(CalendarYear y) {
		return new YearView(y.year(), y.holidays(), y.makeupWorkdays(), y.source(), y.noticeDate(),
				y.days().stream().sorted(java.util.Comparator.comparing(ArrangedDay::date))
					.map(d -> new DayView(d.date(), d.kind(), d.name())).toList());
	}
}
