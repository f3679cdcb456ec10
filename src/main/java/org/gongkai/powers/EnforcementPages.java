package org.gongkai.powers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The public pages of enforcement publicity — an agency's column (publicity before the act, then its decisions with
 * filters and paging, and the notices of withdrawal), a decision's page, the site-wide list and the Atom feeds —
 * rendered from public data only: an unpublished decision has no page, a withdrawn one shows only its notice, a natural
 * person's name is masked and the ID number never read here unmasked.
 */
@Component
class EnforcementPages {

	static final int PAGE_SIZE = 20;

	private final PageRenderer renderer;

	private final DecisionQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final SiteSettings site;

	EnforcementPages(PageRenderer renderer, DecisionQueries queries, AgencyDirectory agencies, AgencyColumns columns,
			SiteSettings site) {
		this.renderer = renderer;
		this.queries = queries;
		this.agencies = agencies;
		this.columns = columns;
		this.site = site;
	}

	/** Filters of a list from the query string; all optional. */
	record Filters(DecisionKind kind, Integer year, String q, String agency, int page) {

		String query(int toPage) {
			StringBuilder s = new StringBuilder();
			if (agency != null) {
				s.append("&agency=").append(URLEncoder.encode(agency, StandardCharsets.UTF_8));
			}
			if (kind != null) {
				s.append("&kind=").append(kind.name());
			}
			if (year != null) {
				s.append("&year=").append(year);
			}
			if (q != null) {
				s.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
			}
			if (toPage > 1) {
				s.append("&page=").append(toPage);
			}
			return s.isEmpty() ? "" : "?" + s.substring(1);
		}
	}

	/** An agency's column: publicity before the act, its decisions and notices of withdrawal. */
	Optional<String> column(Agency agency, Filters filters) {
		Decisions.Page<Decision> page = queries.publicPage(
				new Decisions.PublicFilter(agency.id(), filters.kind(), filters.year(), filters.q(), false), filters.page(), PAGE_SIZE);
		if (filters.page() > 1 && filters.page() > page.pages()) {
			return Optional.empty();
		}
		Map<EnforcementSection, List<EnforcementEntry>> bySection = new EnumMap<>(EnforcementSection.class);
		for (EnforcementEntry e : queries.entries(agency.id())) {
			bySection.computeIfAbsent(e.section(), s -> new java.util.ArrayList<>()).add(e);
		}
		List<Map<String, Object>> sections = Arrays.stream(EnforcementSection.values()).map(s -> {
			Map<String, Object> m = new HashMap<>();
			m.put("code", s.name().toLowerCase());
			m.put("label", s.label());
			m.put("officers", s == EnforcementSection.OFFICER);
			m.put("entries", bySection.getOrDefault(s, List.of()).stream().map(EnforcementPages::entry).toList());
			return m;
		}).toList();
		String path = EnforcementPaths.column(agency);
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("columns", columns.of(agency.id()));
		model.put("sections", sections);
		model.put("notices", queries.publicPage(new Decisions.PublicFilter(agency.id(), null, null, null, true), 1, PAGE_SIZE)
			.items()
			.stream()
			.map(this::summary)
			.toList());
		list(model, page, filters, path, queries.publicYears(agency.id()));
		model.put("feed", EnforcementPaths.feed(agency));
		return Optional.of(renderer.render("powers/enforcement-column", model));
	}

	/** The site-wide list across agencies; empty (404) for an unknown agency or a page past the end. */
	Optional<String> siteList(Filters filters) {
		Long agencyId = null;
		Agency scope = null;
		if (filters.agency() != null) {
			scope = agencies.findByCode(filters.agency()).filter(Agency::active).orElse(null);
			if (scope == null) {
				return Optional.empty();
			}
			agencyId = scope.id();
		}
		Decisions.Page<Decision> page = queries.publicPage(
				new Decisions.PublicFilter(agencyId, filters.kind(), filters.year(), filters.q(), false), filters.page(), PAGE_SIZE);
		if (filters.page() > 1 && filters.page() > page.pages()) {
			return Optional.empty();
		}
		Map<String, Object> model = new HashMap<>();
		model.put("agencyOptions", agencies.active());
		model.put("filterAgency", scope);
		model.put("notices", queries.publicPage(new Decisions.PublicFilter(agencyId, null, null, null, true), 1, PAGE_SIZE)
			.items()
			.stream()
			.map(this::summary)
			.toList());
		list(model, page, filters, EnforcementPaths.SITE_LIST, queries.publicYears(null));
		model.put("feed", EnforcementPaths.SITE_FEED);
		return Optional.of(renderer.render("powers/enforcement-list", model));
	}

	private void list(Map<String, Object> model, Decisions.Page<Decision> page, Filters filters, String path, List<Integer> years) {
		model.put("items", page.items().stream().map(this::summary).toList());
		model.put("total", page.total());
		model.put("pageNo", page.page());
		model.put("pages", page.pages());
		model.put("filters", filters);
		model.put("kinds", DecisionKind.values());
		model.put("years", years);
		model.put("listPath", path);
		model.put("prev", page.page() > 1 ? path + filters.query(page.page() - 1) : null);
		model.put("next", page.page() < page.pages() ? path + filters.query(page.page() + 1) : null);
	}

	/** A decision's page, or its notice of withdrawal; empty (404) when not public or not of this agency. */
	Optional<String> item(Agency agency, long id) {
		return queries.publicDecision(id).filter(d -> d.agencyId() == agency.id()).map(d -> {
			Map<String, Object> model = new HashMap<>();
			model.put("agency", agency);
			model.put("columns", columns.of(agency.id()));
			model.put("d", summary(d));
			model.put("withdrawn", d.status() == DecisionStatus.WITHDRAWN);
			model.put("facts", facts(d));
			model.put("columnPath", EnforcementPaths.column(agency));
			return renderer.render("powers/enforcement-item", model);
		});
	}

	String feed(Agency agency) {
		Decisions.Page<Decision> page = queries.publicPage(
				new Decisions.PublicFilter(agency == null ? null : agency.id(), null, null, null, false), 1, 50);
		String title = site.name() + " " + (agency == null ? "" : agency.name() + " ") + "行政执法决定公示";
		return AtomFeeds.write(site.domain(), title, agency == null ? EnforcementPaths.SITE_FEED : EnforcementPaths.feed(agency),
				agency == null ? EnforcementPaths.SITE_LIST : EnforcementPaths.column(agency), site.host(), Instant.EPOCH,
				page.items().stream().map(d -> {
					Agency a = agencies.requireById(d.agencyId());
					return new AtomFeeds.Entry(d.kind().label() + "决定 " + d.decisionNumber() + "（" + d.publicPartyName() + "）",
							EnforcementPaths.item(a, d.id()), "urn:gongkai:decision:" + d.id(), d.publishedAt(), a.name(),
							excerpt(EnforcementRules.publicText(d, d.content())));
				}).toList());
	}

	private Map<String, Object> summary(Decision d) {
		Agency a = agencies.requireById(d.agencyId());
		Map<String, Object> s = new HashMap<>();
		s.put("id", d.id());
		s.put("href", EnforcementPaths.item(a, d.id()));
		s.put("kind", d.kind().label());
		s.put("number", d.decisionNumber());
		s.put("party", d.publicPartyName());
		s.put("partyType", d.partyType().label());
		s.put("agencyName", a.name());
		s.put("decidedOn", d.decidedOn());
		s.put("publishedOn", d.publishedOn());
		s.put("category", d.status() == DecisionStatus.WITHDRAWN ? null : EnforcementRules.publicText(d, d.category()));
		if (d.status() == DecisionStatus.WITHDRAWN) {
			s.put("changeKind", d.changeKind().label());
			s.put("changedOn", d.changedOn());
			s.put("reason", EnforcementRules.publicText(d, d.changeReason()));
			s.put("withdrawnOn", d.withdrawnOn());
		}
		return s;
	}

	/** The labelled facts of a public decision's page, in order; a withdrawn one has none beyond its notice. */
	private Map<String, String> facts(Decision d) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("执法机关", agencies.requireById(d.agencyId()).name());
		f.put(d.kind().numberLabel(), d.decisionNumber());
		f.put("行政相对人", d.publicPartyName() + "（" + d.partyType().label() + "）");
		if (d.partyType() == DecisionPartyType.NATURAL_PERSON) {
			if (d.partyIdNumber() != null) {
				f.put("身份证号码", EnforcementRules.maskIdNumber(d.partyIdNumber()));
			}
		}
		else if (d.partyCreditCode() != null) {
			f.put("统一社会信用代码", d.partyCreditCode());
		}
		f.put("决定日期", d.decidedOn().toString());
		if (d.status() == DecisionStatus.WITHDRAWN) {
			return f;
		}
		if (d.category() != null) {
			f.put(d.kind().categoryLabel(), EnforcementRules.publicText(d, d.category()));
		}
		f.put(d.kind().contentLabel(), EnforcementRules.publicText(d, d.content()));
		if (d.amountYuan() != null) {
			f.put("罚没金额（元）", d.amountYuan().toPlainString());
		}
		if (d.validUntil() != null) {
			f.put("有效期至", d.validUntil().toString());
		}
		f.put("依据", EnforcementRules.publicText(d, d.basis()));
		f.put("公示日期", d.publishedOn().toString());
		return f;
	}

	private static Map<String, Object> entry(EnforcementEntry e) {
		Map<String, Object> m = new HashMap<>();
		m.put("title", e.title());
		m.put("paragraphs", e.body() == null ? List.of()
				: Arrays.stream(e.body().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList());
		m.put("certificateNumber", e.certificateNumber());
		m.put("area", e.area());
		return m;
	}

	private static String excerpt(String text) {
		return text == null ? null : text.length() > 200 ? text.substring(0, 200) + "……" : text;
	}
}
