package org.gongkai.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Zones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages: the loaded years, a due-date calculator, and loading a new year from its notice. */
@Controller
class CalendarConsoleController implements ConsoleMenuContributor {

	private final WorkingDayCalendar calendar;

	private final CalendarManagement management;

	private final Clock clock;

	CalendarConsoleController(WorkingDayCalendar calendar, CalendarManagement management, Clock clock) {
		this.calendar = calendar;
		this.management = management;
		this.clock = clock;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(60, "工作日历", "/console/calendar", a -> true));
	}

	@GetMapping("/console/calendar")
	String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) Integer add, Model model) {
		Map<Integer, CalendarYear> years = new TreeMap<>();
		calendar.loadedYears().forEach(y -> calendar.year(y).ifPresent(cy -> years.put(y, cy)));
		model.addAttribute("years", years.values());
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		int nextYear = today.getYear() + 1;
		model.addAttribute("nextYear", nextYear);
		model.addAttribute("nextYearMissing", !years.containsKey(nextYear));
		model.addAttribute("from", from == null ? today : from);
		model.addAttribute("add", add == null ? 20 : add);
		if (from != null && add != null) {
			if (add < 0 || add > 1000) {
				model.addAttribute("calcError", "工作日数应在0至1000之间");
			}
			else {
				DueDate due = calendar.addWorkingDaysProvisionally(from, add);
				model.addAttribute("due", due);
			}
		}
		return "calendar/overview";
	}

	@GetMapping("/console/calendar/edit")
	String edit(@RequestParam(required = false) Integer year, Model model) {
		requireAdmin();
		int y = year == null ? LocalDate.now(clock.withZone(Zones.CHINA)).getYear() + 1 : year;
		model.addAttribute("year", y);
		calendar.year(y).ifPresentOrElse(cy -> {
			model.addAttribute("source", cy.source());
			model.addAttribute("noticeDate", cy.noticeDate());
			model.addAttribute("holidays", lines(cy.days(), DayKind.HOLIDAY));
			model.addAttribute("makeups", lines(cy.days(), DayKind.MAKEUP_WORKDAY));
			model.addAttribute("existing", true);
		}, () -> model.addAttribute("existing", false));
		return "calendar/edit";
	}

	@PostMapping("/console/calendar/edit")
	String save(@RequestParam int year, @RequestParam(required = false) String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeDate,
			@RequestParam(required = false) String notice, @RequestParam(required = false) String holidays,
			@RequestParam(required = false) String makeups, @RequestParam(defaultValue = "save") String action,
			Model model, RedirectAttributes redirect) {
		requireAdmin();
		model.addAttribute("year", year);
		model.addAttribute("source", source);
		model.addAttribute("noticeDate", noticeDate);
		model.addAttribute("notice", notice);
		model.addAttribute("holidays", holidays);
		model.addAttribute("makeups", makeups);
		model.addAttribute("existing", calendar.year(year).isPresent());
		if ("parse".equals(action)) {
			HolidayNoticeParser.Parsed parsed = HolidayNoticeParser.parse(year, notice);
			model.addAttribute("holidays", lines(parsed.days(), DayKind.HOLIDAY));
			model.addAttribute("makeups", lines(parsed.days(), DayKind.MAKEUP_WORKDAY));
			model.addAttribute("warnings", parsed.warnings());
			model.addAttribute("parsed", true);
			return "calendar/edit";
		}
		return ConsoleForms.attempt(model, () -> {
			List<ArrangedDay> days = new ArrayList<>();
			days.addAll(CalendarManagement.parseDateList(holidays, DayKind.HOLIDAY, "holidays"));
			days.addAll(CalendarManagement.parseDateList(makeups, DayKind.MAKEUP_WORKDAY, "makeupWorkdays"));
			management.saveYear(year, source, noticeDate, days);
			redirect.addFlashAttribute("notice", year + "年法定节假日安排已保存");
			return "redirect:/console/calendar";
		}, () -> "calendar/edit");
	}

	private static void requireAdmin() {
		if (!org.gongkai.platform.Actors.require().isSystemAdmin()) {
			throw DomainException.forbidden("只有系统管理员可以维护工作日历");
		}
	}

	private static String lines(List<ArrangedDay> days, DayKind kind) {
		return days.stream()
			.filter(d -> d.kind() == kind)
			.sorted(java.util.Comparator.comparing(ArrangedDay::date))
			.map(d -> d.date() + (d.name() == null || kind == DayKind.MAKEUP_WORKDAY ? "" : " " + d.name()))
			.collect(Collectors.joining("\n"));
	}
}
