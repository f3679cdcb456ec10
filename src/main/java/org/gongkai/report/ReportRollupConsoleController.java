package org.gongkai.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's roll-up of a report year: every subordinate agency with its type and level, its deadline
 * (statutory or set by the supervisor), the status of its current version, the days left or overdue, the published
 * date and a link; the tables summed across the agencies for the county's own report; the same list as a workbook.
 */
@Controller
class ReportRollupConsoleController {

	private final ReportRollup rollup;

	private final AgencyDirectory agencies;

	private final Clock clock;

	ReportRollupConsoleController(ReportRollup rollup, AgencyDirectory agencies, Clock clock) {
		this.rollup = rollup;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** One agency of the roll-up as listed. */
	record Line(RollupRow row, Agency agency, boolean published, String publicPath) {
	}

	@GetMapping(ReportConsoleController.BASE + "/rollup")
	String rollup(@RequestParam(required = false) String year, Model model) {
		requireSupervisor();
		int y = year(year);
		List<Line> lines = lines(y);
		model.addAttribute("year", y);
		model.addAttribute("years", IntStream.rangeClosed(2019, today().getYear() - 1).boxed().sorted((a, b) -> b - a).toList());
		model.addAttribute("lines", lines);
		model.addAttribute("notPublished", lines.stream().filter(l -> !l.published()).count());
		model.addAttribute("lateCount", lines.stream().filter(l -> l.row().late()).count());
		ReportFormat format = y >= 2021 ? ReportFormat.F2021 : ReportFormat.F2019;
		Actor actor = Actors.require();
		Agency own = actor.agencyId() == null ? null : agencies.findById(actor.agencyId()).orElse(null);
		model.addAttribute("summary", new ReportView(0, own == null ? 0 : own.id(), own == null ? "" : own.code(),
				own == null ? "所辖单位" : own.name(), y, format, 0, ReportStatus.DRAFT, null, null, false, List.of(),
				rollup.summary(y)));
		return "console/report/rollup";
	}

	@GetMapping(ReportConsoleController.BASE + "/rollup.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String year) {
		requireSupervisor();
		int y = year(year);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(y + "年度报告情况");
			String[] heads = { "单位", "类型", "层级", "公布期限", "期限依据", "状态", "版本", "剩余天数（负数为逾期）", "发布日期" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < heads.length; i++) {
				head.createCell(i).setCellValue(heads[i]);
			}
			int r = 1;
			for (Line l : lines(y)) {
				Row row = sheet.createRow(r++);
				RollupRow x = l.row();
				row.createCell(0).setCellValue(x.agencyName());
				row.createCell(1).setCellValue(l.agency() == null ? "" : l.agency().type().label());
				row.createCell(2).setCellValue(l.agency() == null ? "" : l.agency().level().label());
				row.createCell(3).setCellValue(x.deadline() == null ? "" : x.deadline().dueOn().toString());
				row.createCell(4).setCellValue(x.deadline() == null ? "" : x.deadline().basis());
				row.createCell(5).setCellValue(x.current() == null ? "未起草" : x.current().status().label());
				row.createCell(6).setCellValue(x.current() == null ? "" : String.valueOf(x.current().version()));
				if (x.daysLeft() != null) {
					row.createCell(7).setCellValue(x.daysLeft());
				}
				row.createCell(8).setCellValue(x.current() == null || x.current().publishedOn() == null ? ""
						: x.current().publishedOn().toString());
			}
			for (int i = 0; i < heads.length; i++) {
				sheet.setColumnWidth(i, i == 0 || i == 4 ? 40 * 256 : 16 * 256);
			}
			book.write(out);
			return ReportConsoleController.file(out.toByteArray(), ReportConsoleController.XLSX, y + "年度政府信息公开工作年度报告情况汇总.xlsx");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<Line> lines(int year) {
		List<Line> lines = new ArrayList<>();
		for (RollupRow row : rollup.status(year)) {
			Agency agency = agencies.findById(row.agencyId()).orElse(null);
			boolean published = row.current() != null && row.current().status() == ReportStatus.PUBLISHED;
			lines.add(new Line(row, agency, published,
					published && agency != null ? ReportPages.versionPath(agency, year, row.current().version()) : null));
		}
		return lines;
	}

	private static void requireSupervisor() {
		Actor actor = Actors.require();
		if (!actor.isSystemAdmin() && !actor.hasRole(Role.SUPERVISOR)) {
			throw DomainException.forbidden("只有政务公开办（监督）可以查看各单位年度报告情况");
		}
	}

	private int year(String value) {
		if (Texts.trimToNull(value) == null) {
			return today().getYear() - 1;
		}
		return ReportConsoleController.year(value, "year");
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
