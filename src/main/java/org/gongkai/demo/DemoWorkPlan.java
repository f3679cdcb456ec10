package org.gongkai.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.oversight.WorkPlan;
import org.gongkai.oversight.WorkPlanManagement;
import org.gongkai.oversight.WorkPlanQueries;
import org.gongkai.oversight.WorkTaskProgressState;
import org.gongkai.oversight.WorkTaskUnit;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Zones;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The county's work plan of the current year, its task table taken verbatim from the first rows of
 * 《2019年沂源县政务公开主要任务分解表》 (seed 003, {@code demo/work-plan-2019.tsv}): issued and public, with claims of
 * the 发展和改革局 and the 农业农村局, one task past its deadline with a 督办 note, and one closed (销号). Idempotent: does
 * nothing when the county already has the plan.
 */
@Component
public class DemoWorkPlan {

	static final String RESOURCE = "demo/work-plan-2019.tsv";

	private final WorkPlanManagement management;

	private final WorkPlanQueries queries;

	private final AgencyDirectory agencies;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoWorkPlan(WorkPlanManagement management, WorkPlanQueries queries, AgencyDirectory agencies,
			TransactionTemplate transactions, Clock clock) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.transactions = transactions;
		this.clock = clock;
	}

	static String title(int year) {
		return year + "年沂源县政务公开工作方案主要任务分解表";
	}

	/** Seeds the plan unless the county has it (all in one transaction). */
	public void seed() {
		Actors.runAsSystem(() -> transactions.executeWithoutResult(status -> {
			LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
			int year = today.getYear();
			long county = agencies.requireByCode("yiyuan").id();
			if (queries.plansKeptBy(Actors.require()).stream().anyMatch(p -> p.agencyId() == county && p.title().equals(title(year)))) {
				return;
			}
			LocalDate claimBy = today.plusDays(14).getYear() == year ? today.plusDays(14) : LocalDate.of(year, 12, 31);
			WorkPlan plan = management.createPlan(county,
					new WorkPlanManagement.PlanInput(title(year), year, null, true, claimBy, null));
			// the first task's deadline is past (when the year allows it), so that it shows as overdue
			LocalDate past = today.minusDays(10);
			List<String[]> rows = rows();
			List<Long> tasks = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				String[] r = rows.get(i);
				String deadline = i == 0 && past.getYear() == year ? past.toString() : "年底前";
				tasks.add(management.addTask(plan.id(), new WorkPlanManagement.TaskInput(r[0], r[1], r[2], r[3], deadline)).id());
			}
			management.issue(plan.id());
			long fgj = agencies.requireByCode("yiyuan-fgj").id();
			long nyj = agencies.requireByCode("yiyuan-nyj").id();
			// 新旧动能转换: claimed by the 发展和改革局, past its deadline, supervised
			WorkTaskUnit overdue = unit(tasks.get(0), fgj);
			management.claim(overdue.id(), new WorkPlanManagement.ClaimInput(
					"在局网站开设新旧动能转换专栏，按月公开重大项目规划选址、审批和资金支持情况，及时发布工作动态和典型案例。", "规划科", "赵明", "0533-3240101"));
			management.reportProgress(overdue.id(), null, "已开设专栏并公开重点项目8个，项目资金支持情况正在汇总。", 60, WorkTaskProgressState.BEHIND, null);
			management.supervise(overdue.id(), "请尽快补充公开项目资金支持情况，并在下次报送进展时说明。", today.plusDays(7));
			// 乡村振兴: claimed by the 农业农村局
			management.claim(unit(tasks.get(1), nyj).id(), new WorkPlanManagement.ClaimInput(
					"在乡村振兴专栏集中公开耕地质量提升计划、农村人居环境整治和美丽村居建设进展，每季度更新一次。", "发展规划科", "吴磊", "0533-3240202"));
			// 收费目录清单: claimed, done and closed
			WorkTaskUnit closed = unit(tasks.get(8), fgj);
			management.claim(closed.id(), new WorkPlanManagement.ClaimInput(
					"在价格收费栏目公布政府定价的涉企经营服务性收费目录清单，调整后5个工作日内更新。", "价格科", "陈静", "0533-3240103"));
			management.reportProgress(closed.id(), null, "已公布最新收费目录清单，共12项。", 100, WorkTaskProgressState.DONE, null);
			management.close(closed.id(), "经核查，收费目录清单已在县发展改革局网站公开，予以销号。");
		}));
	}

	private WorkTaskUnit unit(long taskId, long agencyId) {
		WorkPlan plan = queries.plan(queries.task(taskId).orElseThrow().planId()).orElseThrow();
		return queries.itemsOfTask(plan, queries.task(taskId).orElseThrow(), queries.today()).stream()
			.filter(i -> i.agency().id() == agencyId)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the demo task " + taskId + " does not name agency " + agencyId))
			.unit();
	}

	/** The transcribed rows: group, task, requirement, units. */
	static List<String[]> rows() {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(line.split("\t", -1));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}
}
