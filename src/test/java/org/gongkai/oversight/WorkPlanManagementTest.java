package org.gongkai.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.testing.MovableClock;
import org.gongkai.testing.StatisticsContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The work plan's service behaviour on the demo county: resolving 责任单位, claiming, monthly progress, the overdue
 * flags and figures as the clock moves, 督办 answered by the next report, 销号 and reopening, who may act, the public
 * page hiding plans not public, and the Excel export re-imported into another plan giving the same cells. Each test
 * uses its own plan year (2031 and later) so no other test sees its plans.
 */
class WorkPlanManagementTest extends StatisticsContext {

	@Autowired
	WorkPlanManagement management;

	@Autowired
	WorkPlanQueries queries;

	@Autowired
	WorkTaskFigures figures;

	@Autowired
	WorkPlanPages pages;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	@Autowired
	org.gongkai.demo.DemoWorkPlan demo;

	Instant found;

	Agency county;

	Agency fgj;

	Agency nyj;

	@BeforeAll
	void remember() {
		found = clock.now;
		county = agencies.requireByCode("yiyuan");
		fgj = agencies.requireByCode("yiyuan-fgj");
		nyj = agencies.requireByCode("yiyuan-nyj");
	}

	@AfterAll
	void restore() {
		clock.now = found;
	}

	private void supervisor() {
		as("gkb", county.id(), Role.SUPERVISOR, true);
	}

	private WorkPlan issuedPlan(int year, boolean publicPlan, String units) {
		clock.today(LocalDate.of(year, 7, 1));
		supervisor();
		WorkPlan plan = management.createPlan(county.id(), new WorkPlanManagement.PlanInput(year + "年政务公开工作要点", year, "源政办字〔" + year
				+ "〕12号", publicPlan, LocalDate.of(year, 8, 5), null));
		management.addTask(plan.id(), new WorkPlanManagement.TaskInput("做好助推沂源高质量发展信息公开", "推进乡村振兴信息公开",
				"动态发布农村集体产权制度改革和农村闲散土地盘活利用等工作进展信息。", units, "年底前"));
		return management.issue(plan.id());
	}

	private WorkTaskUnit itemOf(WorkPlan plan, Agency agency) {
		return queries.rows(plan, queries.today()).get(0).items().stream().filter(i -> i.agency().id() == agency.id())
			.findFirst().orElseThrow().unit();
	}

	private static WorkPlanManagement.ClaimInput claim() {
		return new WorkPlanManagement.ClaimInput("每月更新乡村振兴专栏，集中公开项目安排和资金使用情况", "规划科", "赵明", "0533-3249876");
	}

	@Test
	void theTextOfResponsibleUnitsResolvesToAgenciesAndKeepsTheRest() {
		WorkPlan plan = issuedPlan(2031, false, "各镇（街道）、经济开发区和县发展改革局、县农业农村局、县交通运输局等有关部门单位");
		WorkPlanQueries.TaskRow row = queries.rows(plan, queries.today()).get(0);
		assertThat(row.items()).extracting(i -> i.agency().code())
			.contains("yiyuan-fgj", "yiyuan-nyj", "yiyuan-nanma", "yiyuan-lucun", "yiyuan-dongli")
			.doesNotContain("yiyuan", "yiyuan-czj", "yiyuan-lucun-fenghuang");
		assertThat(row.task().unitsUnresolved()).isEqualTo("经济开发区、县交通运输局");
		assertThat(row.task().deadlineLabel()).isEqualTo("年底前");
		assertThat(row.task().dueOn()).isEqualTo(LocalDate.of(2031, 12, 31));
		assertThat(plan.progressDay()).isEqualTo(25);
	}

	@Test
	void aUnitClaimsReportsAndIsFlaggedWhenLate() {
		WorkPlan plan = issuedPlan(2032, false, "县发展改革局、县农业农村局");
		WorkTaskUnit fgjItem = itemOf(plan, fgj);
		WorkTaskUnit nyjItem = itemOf(plan, nyj);

		// another unit's editor may not claim fgj's item; a bad phone is a field error and nothing is saved
		as("nyj-editor", nyj.id(), Role.EDITOR, false);
		assertThatThrownBy(() -> management.claim(fgjItem.id(), claim())).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).status()).isEqualTo(403);
		as("fgj-admin", fgj.id(), Role.AGENCY_ADMIN, false);
		assertThatThrownBy(() -> management.claim(fgjItem.id(), new WorkPlanManagement.ClaimInput("措施", "规划科", "赵明", "12345")))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field()).containsExactly("phone"));
		assertThatThrownBy(() -> management.claim(fgjItem.id(), new WorkPlanManagement.ClaimInput("联系13912345678", "规划科", "赵明", "0533-3249876")))
			.isInstanceOf(InvalidInputException.class);
		assertThat(queries.unit(fgjItem.id()).orElseThrow().status()).isEqualTo(WorkTaskUnitStatus.ASSIGNED);
		// progress before claiming is refused
		assertThatThrownBy(() -> management.reportProgress(fgjItem.id(), null, "已开展", 10, WorkTaskProgressState.ON_TRACK, null))
			.isInstanceOf(DomainException.class).hasMessageContaining("先认领");
		WorkTaskUnit claimed = management.claim(fgjItem.id(), claim());
		assertThat(claimed.status()).isEqualTo(WorkTaskUnitStatus.CLAIMED);
		assertThat(claimed.phone()).isEqualTo("0533-3249876");

		// after the claim deadline nyj's missing claim counts; fgj's does not
		clock.today(LocalDate.of(2032, 8, 6));
		assertThat(figure(nyj, LocalDate.of(2032, 8, 6), WorkTaskFigures.UNCLAIMED).value()).isGreaterThanOrEqualTo(1);
		assertThat(figure(nyj, LocalDate.of(2032, 8, 6), WorkTaskFigures.UNCLAIMED).records())
			.anySatisfy(r -> assertThat(r.consoleUrl()).isEqualTo("/console/work-plans/tasks/" + nyjItem.taskId()));
		assertThat(queries.rows(plan, LocalDate.of(2032, 8, 6)).get(0).items()).filteredOn(i -> i.agency().id() == fgj.id())
			.singleElement().satisfies(i -> assertThat(i.claimLate()).isFalse());
		assertThat(queries.rows(plan, LocalDate.of(2032, 8, 6)).get(0).items()).filteredOn(i -> i.agency().id() == nyj.id())
			.singleElement().satisfies(i -> assertThat(i.claimLate()).isTrue());

		// September: fgj's progress is late after the 25th, and not once reported
		LocalDate late = LocalDate.of(2032, 9, 26);
		clock.today(late);
		assertThat(queries.rows(plan, late).get(0).items()).filteredOn(i -> i.agency().id() == fgj.id())
			.singleElement().satisfies(i -> assertThat(i.progressLate()).isTrue());
		as("fgj-editor", fgj.id(), Role.EDITOR, false);
		WorkTaskProgress report = management.reportProgress(fgjItem.id(), null, "已更新专栏，公开项目12个", 60, WorkTaskProgressState.ON_TRACK, null);
		assertThat(report.month()).isEqualTo(LocalDate.of(2032, 9, 1));
		assertThat(queries.rows(plan, late).get(0).items()).filteredOn(i -> i.agency().id() == fgj.id())
			.singleElement().satisfies(i -> assertThat(i.progressLate()).isFalse());
		assertThatThrownBy(() -> management.reportProgress(fgjItem.id(), YearMonth.of(2032, 12), "未来", 10, WorkTaskProgressState.ON_TRACK, null))
			.isInstanceOf(InvalidInputException.class);

		// after the year's end the open item is overdue
		LocalDate newYear = LocalDate.of(2033, 1, 2);
		clock.today(newYear);
		assertThat(figure(fgj, newYear, WorkTaskFigures.OVERDUE).records())
			.anySatisfy(r -> assertThat(r.consoleUrl()).isEqualTo("/console/work-plans/tasks/" + fgjItem.taskId()));
	}

	@Test
	void theSupervisorSupervisesClosesAndReopens() {
		WorkPlan plan = issuedPlan(2033, true, "县发展改革局");
		WorkTaskUnit item = itemOf(plan, fgj);
		as("fgj-admin", fgj.id(), Role.AGENCY_ADMIN, false);
		management.claim(item.id(), claim());
		// a unit may not supervise or close
		assertThatThrownBy(() -> management.close(item.id(), "完成")).isInstanceOf(DomainException.class);

		supervisor();
		assertThatThrownBy(() -> management.changePlan(plan.id(), new WorkPlanManagement.PlanInput(plan.title(), 2034, null, true, null, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("年度");
		WorkPlan draft = management.createPlan(county.id(), new WorkPlanManagement.PlanInput("2033年草稿", 2033, null, false, null, null));
		WorkTask draftTask = management.addTask(draft.id(), new WorkPlanManagement.TaskInput(null, null, "要求", "县发展改革局", null));
		management.changePlan(draft.id(), new WorkPlanManagement.PlanInput("2034年草稿", 2034, null, false, null, null));
		assertThat(queries.task(draftTask.id()).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2034, 12, 31));
		assertThatThrownBy(() -> management.supervise(item.id(), "请加快进度", LocalDate.of(2033, 6, 1))).isInstanceOf(InvalidInputException.class);
		WorkTaskSupervision note = management.supervise(item.id(), "请于月底前补充公开资金使用情况", LocalDate.of(2033, 7, 20));
		assertThat(note.answered()).isFalse();
		clock.today(LocalDate.of(2033, 7, 21));
		assertThat(queries.rows(plan, LocalDate.of(2033, 7, 21)).get(0).items().get(0).supervisionLate()).isTrue();

		as("fgj-editor", fgj.id(), Role.EDITOR, false);
		WorkTaskProgress answer = management.reportProgress(item.id(), null, "已补充公开资金使用情况", 100, WorkTaskProgressState.DONE, null);
		assertThat(queries.supervisions(item.id())).singleElement().satisfies(s -> assertThat(s.answerId()).isEqualTo(answer.id()));

		supervisor();
		assertThatThrownBy(() -> management.close(item.id(), " ")).isInstanceOf(InvalidInputException.class);
		WorkTaskUnit closed = management.close(item.id(), "经核查已完成");
		assertThat(closed.status()).isEqualTo(WorkTaskUnitStatus.CLOSED);
		assertThat(pages.planPage(plan.id()).orElseThrow()).contains("已完成").contains("每月更新乡村振兴专栏").doesNotContain("赵明")
			.doesNotContain("0533-3249876").doesNotContain("规划科");
		assertThatThrownBy(() -> management.reopen(item.id(), "")).isInstanceOf(InvalidInputException.class);
		WorkTaskUnit reopened = management.reopen(item.id(), "复查发现资金信息不全");
		assertThat(reopened.status()).isEqualTo(WorkTaskUnitStatus.CLAIMED);
		assertThat(queries.history(item.taskId())).extracting(WorkTaskLog::action).contains("claimed", "supervised", "progress", "closed", "reopened");
	}

	@Test
	void thePublicSeesOnlyIssuedPlansMarkedPublic() {
		WorkPlan hidden = issuedPlan(2034, false, "县发展改革局");
		supervisor();
		WorkPlan draft = management.createPlan(county.id(), new WorkPlanManagement.PlanInput("2034年草稿计划", 2034, null, true, null, 20));
		WorkPlan shown = issuedPlan(2034, true, "县农业农村局");
		assertThat(pages.planPage(hidden.id())).isEmpty();
		assertThat(pages.planPage(draft.id())).isEmpty();
		assertThat(pages.planPage(shown.id())).isPresent();
		assertThat(pages.publicPaths()).contains("/work-plans/" + shown.id() + "/").doesNotContain("/work-plans/" + hidden.id() + "/",
				"/work-plans/" + draft.id() + "/");
		assertThat(pages.listPage()).contains("/work-plans/" + shown.id() + "/").doesNotContain("/work-plans/" + hidden.id() + "/");
		// a unit's editor may not plan
		as("fgj-editor", fgj.id(), Role.EDITOR, false);
		assertThatThrownBy(() -> management.createPlan(county.id(), new WorkPlanManagement.PlanInput("x", 2034, null, false, null, null)))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void anExportedTableImportsIntoAnotherPlanWithTheSameCells() {
		WorkPlan plan = issuedPlan(2035, false, "各镇（街道）、县发展改革局等有关部门");
		supervisor();
		WorkTaskUnit item = itemOf(plan, fgj);
		as("fgj-admin", fgj.id(), Role.AGENCY_ADMIN, false);
		management.claim(item.id(), claim());
		supervisor();
		byte[] first = WorkPlanWorkbook.write(plan.title(), queries.workbookRows(plan));
		WorkPlan copy = management.createPlan(county.id(), new WorkPlanManagement.PlanInput("2035年副本", 2035, null, false, null, null));
		List<WorkPlanWorkbook.Line> lines = WorkPlanWorkbook.read("a.xlsx", first.length, new ByteArrayInputStream(first));
		assertThat(management.importTable(copy.id(), lines)).isEqualTo(1);
		List<List<String>> again = queries.workbookRows(copy);
		assertThat(again).isEqualTo(queries.workbookRows(plan));
		assertThat(again.get(0).get(4)).isEqualTo("县发展改革局：每月更新乡村振兴专栏，集中公开项目安排和资金使用情况");
		assertThat(again.get(0).get(5)).isEqualTo("县发展改革局：规划科，赵明，0533-3249876");

		// a bad row names its sheet and row, and nothing is imported
		WorkPlan other = management.createPlan(county.id(), new WorkPlanManagement.PlanInput("2035年另一计划", 2035, null, false, null, null));
		List<List<String>> rows = new java.util.ArrayList<>(again);
		rows.add(java.util.Arrays.asList("组", "任务", null, "县发展改革局", null, null, "明年"));
		byte[] bad = WorkPlanWorkbook.write("x", rows);
		List<WorkPlanWorkbook.Line> badLines = WorkPlanWorkbook.read("b.xlsx", bad.length, new ByteArrayInputStream(bad));
		assertThatThrownBy(() -> management.importTable(other.id(), badLines)).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.message())
				.anyMatch(m -> m.startsWith("工作表“任务分解表”第4行：") && m.contains("工作要求"))
				.anyMatch(m -> m.contains("第4行") && m.contains("明年")));
		assertThat(queries.tasks(other.id())).isEmpty();
	}

	@Test
	void theDemoPlanIsSeededOnceFromTheSeedRows() {
		clock.today(LocalDate.of(2036, 5, 20));
		demo.seed();
		demo.seed();
		as("system-check", county.id(), Role.SUPERVISOR, true);
		List<WorkPlan> plans = queries.plansKeptBy(org.gongkai.platform.Actors.require()).stream()
			.filter(p -> p.year() == 2036 && p.title().equals("2036年沂源县政务公开工作方案主要任务分解表"))
			.toList();
		assertThat(plans).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(WorkPlanStatus.ISSUED));
		List<WorkPlanQueries.TaskRow> rows = queries.rows(plans.get(0), LocalDate.of(2036, 5, 20));
		assertThat(rows).hasSize(14);
		assertThat(rows.get(1).task().requirement()).startsWith("加强实施乡村振兴战略的政策、规划、成效、资金、项目安排等信息公开。");
		assertThat(rows.stream().flatMap(r -> r.items().stream())).anySatisfy(i -> assertThat(i.overdue()).isTrue())
			.anySatisfy(i -> assertThat(i.unit().status()).isEqualTo(WorkTaskUnitStatus.CLOSED))
			.anySatisfy(i -> assertThat(i.openSupervisions()).isEqualTo(1));
		assertThat(pages.planPage(plans.get(0).id())).isPresent();
	}

	private OversightFigure figure(Agency agency, LocalDate on, String key) {
		return figures.compute(agency, on).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
	}
}
