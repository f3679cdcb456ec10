package org.gongkai.oversight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SitemapContributor;
import org.springframework.stereotype.Component;

/**
 * The public pages of work plans (政务公开工作要点): the list of plans marked public and issued, and a plan's task table
 * (task, requirement, responsible units as written, time limit, and each unit's state and measures). Drafts and plans
 * not marked public never appear; nor do the units' offices, persons or phone numbers (portal-rules.md §4, personal
 * information kept to the minimum).
 */
@Component
class WorkPlanPages implements SitemapContributor {

	static final String LIST = "/work-plans/";

	static String planPath(long id) {
		return LIST + id + "/";
	}

	private final PageRenderer renderer;

	private final WorkPlanQueries queries;

	private final AgencyDirectory agencies;

	WorkPlanPages(PageRenderer renderer, WorkPlanQueries queries, AgencyDirectory agencies) {
		this.renderer = renderer;
		this.queries = queries;
		this.agencies = agencies;
	}

	String listPage() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (WorkPlan p : queries.publicPlans()) {
			Map<String, Object> r = new HashMap<>();
			r.put("plan", p);
			r.put("href", planPath(p.id()));
			r.put("agency", agencies.findById(p.agencyId()).map(a -> a.name()).orElse(""));
			rows.add(r);
		}
		return renderer.render("portal/work-plans", Map.of("rows", rows));
	}

	Optional<String> planPage(long id) {
		return queries.plan(id).filter(WorkPlan::visibleToPublic).map(plan -> {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (WorkPlanQueries.TaskRow r : queries.rows(plan, queries.today())) {
				Map<String, Object> row = new HashMap<>();
				row.put("task", r.task());
				List<Map<String, Object>> units = new ArrayList<>();
				for (WorkPlanQueries.Item i : r.items()) {
					Map<String, Object> u = new HashMap<>();
					u.put("name", i.agency().name());
					u.put("state", i.unit().status() == WorkTaskUnitStatus.CLOSED ? "已完成" : i.unit().status().label());
					u.put("done", i.unit().status() == WorkTaskUnitStatus.CLOSED);
					u.put("measures", i.unit().status() == WorkTaskUnitStatus.ASSIGNED ? null : i.unit().measures());
					units.add(u);
				}
				row.put("units", units);
				row.put("done", !units.isEmpty() && units.stream().allMatch(u -> (boolean) u.get("done")));
				rows.add(row);
			}
			Map<String, Object> model = new HashMap<>();
			model.put("plan", plan);
			model.put("agency", agencies.requireById(plan.agencyId()));
			model.put("rows", rows);
			return renderer.render("portal/work-plan", model);
		});
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(LIST);
		queries.publicPlans().forEach(p -> paths.add(planPath(p.id())));
		return paths;
	}
}
