package org.gongkai.powers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * The public pages of an agency's power list and service lists, rendered per request from public data only: the
 * current list with filters and paging, an item with its history, the comparison across levels, the change log, the
 * service lists and an item's guide only when it is published.
 */
@Component
class PowerPages {

	static final int PAGE_SIZE = 20;

	private final PageRenderer renderer;

	private final PowerQueries powers;

	private final ServiceQueries services;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	PowerPages(PageRenderer renderer, PowerQueries powers, ServiceQueries services, AgencyDirectory agencies,
			AgencyColumns columns) {
		this.renderer = renderer;
		this.powers = powers;
		this.services = services;
		this.agencies = agencies;
		this.columns = columns;
	}

	/** Filters of the list; all optional. */
	record Filters(String type, String query, int page) {

		String query(int toPage) {
			StringBuilder q = new StringBuilder();
			if (type != null) {
				q.append("&type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
			}
			if (query != null) {
				q.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
			}
			if (toPage > 1) {
				q.append("&page=").append(toPage);
			}
			return q.isEmpty() ? "" : "?" + q.substring(1);
		}
	}

	private Map<String, Object> base(Agency agency, String column) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("columns", columns.of(agency.id()));
		model.put("column", column);
		model.put("listPath", PowerPaths.list(agency));
		model.put("changesPath", PowerPaths.changes(agency));
		model.put("servicesPath", PowerPaths.services(agency));
		return model;
	}

	/** The current list; empty for an unknown type or a page past the end. */
	Optional<String> list(Agency agency, Filters filters) {
		Map<String, PowerType> types = powers.typesByCode();
		if (filters.type() != null && !types.containsKey(filters.type())) {
			return Optional.empty();
		}
		PowerItems.Page<PowerItem> page = powers.currentPage(agency.id(), filters.type(), filters.query(), filters.page(), PAGE_SIZE);
		if (filters.page() > 1 && filters.page() > page.pages()) {
			return Optional.empty();
		}
		Map<String, Object> model = base(agency, PowersColumns.POWERS);
		model.put("items", page.items().stream().map(i -> row(agency, i, types)).toList());
		model.put("pageNo", page.page());
		model.put("pages", page.pages());
		model.put("total", page.total());
		model.put("filters", filters);
		model.put("types", powers.activeTypes());
		String path = PowerPaths.list(agency);
		model.put("prev", page.page() > 1 ? path + filters.query(page.page() - 1) : null);
		model.put("next", page.page() < page.pages() ? path + filters.query(page.page() + 1) : null);
		return Optional.of(renderer.render("powers/power-list", model));
	}

	private static Map<String, Object> row(Agency agency, PowerItem i, Map<String, PowerType> types) {
		Map<String, Object> r = new HashMap<>();
		r.put("id", i.id());
		r.put("code", i.code());
		r.put("name", i.name());
		r.put("type", typeName(i.details(), types));
		r.put("version", i.currentVersion());
		r.put("href", PowerPaths.item(agency, i.id()));
		return r;
	}

	static String typeName(PowerDetails d, Map<String, PowerType> types) {
		PowerType t = types.get(d.typeCode());
		return t == null ? d.typeCode() : t.name();
	}

	/** An item of the agency with its history; removed items keep their page. */
	Optional<String> item(Agency agency, long id) {
		return powers.publicItem(id).filter(i -> i.agencyId() == agency.id()).map(i -> {
			Map<String, PowerType> types = powers.typesByCode();
			Map<String, Object> model = base(agency, PowersColumns.POWERS);
			model.put("item", i);
			model.put("d", i.details());
			model.put("typeName", typeName(i.details(), types));
			model.put("responsibilities", i.responsibilityItems());
			model.put("history", powers.history(id).stream().map(v -> {
				Map<String, Object> h = new HashMap<>();
				h.put("v", v);
				h.put("typeName", typeName(v.snapshot(), types));
				return h;
			}).toList());
			model.put("comparisonPath", PowerPaths.comparison(agency, id));
			return renderer.render("powers/power-item", model);
		});
	}

	/** The comparison of a current item with the same code at other levels. */
	Optional<String> comparison(Agency agency, long id) {
		return powers.publicItem(id).filter(i -> i.agencyId() == agency.id() && i.current()).map(i -> {
			Map<String, Object> model = base(agency, PowersColumns.POWERS);
			model.putAll(comparisonModel(powers.compare(i), powers.typesByCode()));
			model.put("itemPath", PowerPaths.item(agency, id));
			return renderer.render("powers/power-comparison", model);
		});
	}

	/** The comparison's rows for a template: the item first, then the others with their differing fields. */
	static Map<String, Object> comparisonModel(PowerComparison c, Map<String, PowerType> types) {
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.add(comparisonRow(c.agency(), c.item(), types, false, false, false, true));
		for (PowerComparison.Row r : c.rows()) {
			rows.add(comparisonRow(r.agency(), r.item(), types, r.nameDiffers(), r.typeDiffers(), r.basisDiffers(), false));
		}
		Map<String, Object> model = new HashMap<>();
		model.put("item", c.item());
		model.put("rows", rows);
		model.put("differs", c.differs());
		model.put("others", c.rows().size());
		return model;
	}

	private static Map<String, Object> comparisonRow(Agency a, PowerItem i, Map<String, PowerType> types, boolean name,
			boolean type, boolean basis, boolean own) {
		Map<String, Object> r = new HashMap<>();
		r.put("agency", a.name());
		r.put("level", i.details().level().label());
		r.put("name", i.name());
		r.put("type", typeName(i.details(), types));
		r.put("basis", i.details().basis());
		r.put("nameDiffers", name);
		r.put("typeDiffers", type);
		r.put("basisDiffers", basis);
		r.put("own", own);
		return r;
	}

	/** The agency's change log: every adjustment, the latest effective date first. */
	Optional<String> changes(Agency agency, int pageNo) {
		PowerItems.Page<PowerVersion> page = powers.changes(agency.id(), pageNo, 50);
		if (pageNo > 1 && pageNo > page.pages()) {
			return Optional.empty();
		}
		Map<String, PowerType> types = powers.typesByCode();
		Map<String, Object> model = base(agency, PowersColumns.POWERS);
		model.put("pageNo", page.page());
		model.put("pages", page.pages());
		model.put("total", page.total());
		model.put("changes", page.items().stream().map(v -> {
			Map<String, Object> h = new HashMap<>();
			h.put("v", v);
			h.put("typeName", typeName(v.snapshot(), types));
			h.put("href", PowerPaths.item(agency, v.itemId()));
			return h;
		}).toList());
		String path = PowerPaths.changes(agency);
		model.put("prev", page.page() > 1 ? path + (page.page() > 2 ? "?page=" + (page.page() - 1) : "") : null);
		model.put("next", page.page() < page.pages() ? path + "?page=" + (page.page() + 1) : null);
		return Optional.of(renderer.render("powers/power-changes", model));
	}

	/** The agency's service lists, by kind; a guide link only where the guide is published. */
	String services(Agency agency) {
		Map<String, Object> model = base(agency, PowersColumns.SERVICES);
		Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
		for (ServiceKind kind : ServiceKind.values()) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (ServiceItem i : services.ofAgency(agency.id(), kind)) {
				Map<String, Object> r = new HashMap<>();
				r.put("i", i);
				r.put("href", PowerPaths.service(agency, i.id()));
				r.put("hasGuide", services.publishedGuide(i.id()).isPresent());
				rows.add(r);
			}
			lists.put(kind.name(), rows);
		}
		model.put("kinds", ServiceKind.values());
		model.put("lists", lists);
		return renderer.render("powers/service-list", model);
	}

	/** A service item and its guide, the guide only when published. */
	Optional<String> service(Agency agency, long id) {
		return services.publicItem(id).filter(i -> i.agencyId() == agency.id()).map(i -> {
			Map<String, Object> model = base(agency, PowersColumns.SERVICES);
			model.put("i", i);
			Optional<ServiceGuide> guide = services.publishedGuide(id);
			model.put("guide", guide.orElse(null));
			List<Map<String, String>> elements = new ArrayList<>();
			guide.ifPresent(g -> {
				ServiceGuideDetails.KEY_ELEMENTS.forEach((f, label) -> elements.add(Map.of("label", label, "value",
						g.details().element(f) == null ? "" : g.details().element(f))));
				ServiceGuideDetails.OPTIONAL_ELEMENTS.forEach((f, label) -> {
					if (g.details().element(f) != null) {
						elements.add(Map.of("label", label, "value", g.details().element(f)));
					}
				});
			});
			model.put("elements", elements);
			return renderer.render("powers/service-item", model);
		});
	}

	Optional<Agency> activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active);
	}
}
