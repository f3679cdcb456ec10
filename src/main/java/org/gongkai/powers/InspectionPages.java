package org.gongkai.powers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The public pages of random inspections — an agency's column (item list, plans, draws), the site-wide list, a
 * plan, a draw with its seed and candidate lists, the verification of a draw, the algorithm and the Atom feeds —
 * rendered per request from public data only.
 */
@Component
class InspectionPages {

	private final PageRenderer renderer;

	private final InspectionQueries queries;

	private final InspectionManagement management;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final SiteSettings site;

	InspectionPages(PageRenderer renderer, InspectionQueries queries, InspectionManagement management, AgencyDirectory agencies,
			AgencyColumns columns, SiteSettings site) {
		this.renderer = renderer;
		this.queries = queries;
		this.management = management;
		this.agencies = agencies;
		this.columns = columns;
		this.site = site;
	}

	/** Plans per page of a public list. */
	static final int PAGE_SIZE = 20;

	/** An agency's column, or the site-wide list when {@code agency} is null, one page of plans at a time. */
	String list(Agency agency, int page) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		if (agency != null) {
			model.put("columns", columns.of(agency.id()));
			model.put("items", queries.items(agency.id()));
		}
		Long agencyId = agency == null ? null : agency.id();
		long total = queries.countPublicPlans(agencyId);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.max(1, Math.min(page, pages));
		model.put("plans", queries.publicPlans(agencyId, current, PAGE_SIZE).stream().map(queries::publicPlanView).toList());
		String base = agency == null ? InspectionPaths.SITE : InspectionPaths.column(agency);
		model.put("page", current);
		model.put("pages", pages);
		model.put("prevPath", current > 1 ? base + (current == 2 ? "" : "?page=" + (current - 1)) : null);
		model.put("nextPath", current < pages ? base + "?page=" + (current + 1) : null);
		model.put("feed", agency == null ? InspectionPaths.SITE_FEED : InspectionPaths.feed(agency));
		model.put("algorithmPath", InspectionPaths.ALGORITHM);
		model.put("sitePath", InspectionPaths.SITE);
		return renderer.render("powers/inspection-list", model);
	}

	Optional<String> plan(Agency agency, long id) {
		return queries.publicPlan(id).filter(p -> p.agencyId() == agency.id()).map(p -> {
			Map<String, Object> model = base(agency);
			model.put("p", queries.publicPlanView(p));
			model.put("items", queries.planItems(p.id()));
			return renderer.render("powers/inspection-plan", model);
		});
	}

	Optional<String> draw(Agency agency, long id) {
		return queries.publicDraw(id).filter(d -> d.agencyId() == agency.id()).map(d -> {
			Map<String, Object> model = base(agency);
			model.put("d", queries.publicDrawView(d));
			model.put("planPath", InspectionPaths.plan(agency, d.planId()));
			return renderer.render("powers/inspection-draw", model);
		});
	}

	Optional<String> verify(Agency agency, long id) {
		return queries.publicDraw(id).filter(d -> d.agencyId() == agency.id()).map(d -> {
			Map<String, Object> model = base(agency);
			model.put("d", queries.publicDrawView(d));
			InspectionManagement.Verification v = management.verify(id);
			model.put("consistent", v.consistent());
			model.put("detail", v.detail());
			model.put("recomputed", v.recomputed().stream()
				.map(r -> Map.of("entityKey", r.entityKey(), "inspectors", String.join("、", r.inspectorKeys())))
				.toList());
			return renderer.render("powers/inspection-verify", model);
		});
	}

	String algorithm() {
		Map<String, Object> model = new HashMap<>();
		model.put("algorithm", RandomDraw.ALGORITHM);
		model.put("sitePath", InspectionPaths.SITE);
		return renderer.render("powers/inspection-algorithm", model);
	}

	String feed(Agency agency) {
		List<InspectionPlan> plans = queries.publicPlans(agency == null ? null : agency.id(), 1, 50);
		String title = site.name() + (agency == null ? "" : " " + agency.name()) + " 双随机一公开";
		return AtomFeeds.write(site.domain(), title, agency == null ? InspectionPaths.SITE_FEED : InspectionPaths.feed(agency),
				agency == null ? InspectionPaths.SITE : InspectionPaths.column(agency), site.host(), Instant.EPOCH,
				plans.stream().limit(50).map(p -> {
					Agency a = queries.agency(p.agencyId());
					Instant at = p.resultsPublishedAt() != null ? p.resultsPublishedAt() : p.updatedAt();
					return new AtomFeeds.Entry(p.title(), InspectionPaths.plan(a, p.id()), "urn:gongkai:inspection-plan:" + p.id(), at,
							a.name(), p.status().label() + "　检查期间 " + p.periodFrom() + " 至 " + p.periodTo() + "，抽取"
									+ p.entityCount() + "个检查对象，每个对象选派" + p.inspectorsPerEntity() + "名执法检查人员");
				}).toList());
	}

	Optional<Agency> activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active);
	}

	private Map<String, Object> base(Agency agency) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("columns", columns.of(agency.id()));
		model.put("columnPath", InspectionPaths.column(agency));
		model.put("algorithmPath", InspectionPaths.ALGORITHM);
		return model;
	}
}
