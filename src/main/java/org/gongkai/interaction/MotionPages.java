package org.gongkai.interaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The public pages of suggestion and proposal handling — the list of published replies with filters and paging, a
 * reply's page, the Atom feed and the yearly overview (办理总体情况) — rendered from public data only: a reply that was
 * not published, withdrawn or never given has no page, and the proposers' contact details are never read here.
 */
@Component
class MotionPages {

	static final int PAGE_SIZE = 20;

	/** The {@code PubDate} meta of an item page (portal rules §6): the publication time in China time. */
	private static final DateTimeFormatter PUB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PageRenderer renderer;

	private final MotionQueries queries;

	private final MotionStatistics statistics;

	private final AgencyDirectory agencies;

	private final SiteSettings site;

	private final Clock clock;

	MotionPages(PageRenderer renderer, MotionQueries queries, MotionStatistics statistics, AgencyDirectory agencies,
			SiteSettings site, Clock clock) {
		this.renderer = renderer;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
		this.site = site;
		this.clock = clock;
	}

	/** Filters of the list from the query string; all optional. */
	record Filters(Integer year, MotionKind kind, String agency, int page) {

		String query(int toPage) {
			StringBuilder q = new StringBuilder();
			if (year != null) {
				q.append("&year=").append(year);
			}
			if (kind != null) {
				q.append("&kind=").append(kind.name());
			}
			if (agency != null) {
				q.append("&agency=").append(URLEncoder.encode(agency, StandardCharsets.UTF_8));
			}
			if (toPage > 1) {
				q.append("&page=").append(toPage);
			}
			return q.isEmpty() ? "" : "?" + q.substring(1);
		}
	}

	/** The list of published replies; empty (404) for an unknown agency or a page past the end. */
	Optional<String> listPage(Filters filters) {
		Long agencyId = null;
		if (filters.agency() != null) {
			Optional<Agency> a = agencies.findByCode(filters.agency());
			if (a.isEmpty()) {
				return Optional.empty();
			}
			agencyId = a.get().id();
		}
		Motions.Page<Motion> page = queries.publicPage(filters.year(), filters.kind(), agencyId, filters.page(), PAGE_SIZE);
		if (filters.page() > 1 && filters.page() > page.pages()) {
			return Optional.empty();
		}
		Map<String, Object> model = new HashMap<>();
		model.put("items", page.items().stream().map(this::summary).toList());
		model.put("total", page.total());
		model.put("pageNo", page.page());
		model.put("pages", page.pages());
		model.put("filters", filters);
		model.put("years", queries.publicYears());
		model.put("kinds", MotionKind.values());
		model.put("agencyOptions", agencies.active());
		model.put("prev", page.page() > 1 ? MotionPaths.list() + filters.query(page.page() - 1) : null);
		model.put("next", page.page() < page.pages() ? MotionPaths.list() + filters.query(page.page() + 1) : null);
		model.put("feed", MotionPaths.feed());
		model.put("statisticsPath", MotionPaths.statistics());
		return Optional.of(renderer.render("interaction/motion-list", model));
	}

	private Map<String, Object> summary(Motion m) {
		Map<String, Object> s = new HashMap<>();
		s.put("title", PersonalDataScanner.mask(m.title()));
		s.put("href", MotionPaths.item(m.id()));
		s.put("number", m.year() + "年" + m.numberLabel());
		s.put("kind", m.kind().label());
		s.put("leadUnit", agencyName(m.leadUnit()));
		s.put("repliedOn", m.repliedOn());
		s.put("category", m.replyCategory() == null ? null : m.replyCategory().name());
		s.put("publication", m.publication().label());
		s.put("publishedOn", m.publishedOn());
		return s;
	}

	/** A published reply's page; empty (404) for anything not public. */
	Optional<String> itemPage(long id) {
		return queries.publicMotion(id).map(m -> {
			Map<String, Object> model = new HashMap<>();
			model.put("m", m);
			model.put("title", PersonalDataScanner.mask(m.title()));
			model.put("proposers", PersonalDataScanner.mask(m.proposers()));
			model.put("leadUnit", agencyName(m.leadUnit()));
			model.put("coUnits", queries.coUnits(m.id()).stream().map(u -> agencyName(u.agencyId())).toList());
			model.put("paragraphs", paragraphs(m.publishedText()));
			model.put("pubDate", m.publishedAt() != null ? PUB_DATE.format(m.publishedAt().atZone(Zones.CHINA))
					: PUB_DATE.format(m.publishedOn().atStartOfDay()));
			model.put("listPath", MotionPaths.list());
			return renderer.render("interaction/motion-item", model);
		});
	}

	String feed() {
		Motions.Page<Motion> page = queries.publicPage(null, null, null, 1, 50);
		return AtomFeeds.write(site.domain(), site.name() + " 建议提案办理结果公开", MotionPaths.feed(), MotionPaths.list(), site.host(),
				Instant.EPOCH, page.items().stream().map(m -> {
					String excerpt = m.publishedText() == null ? null
							: m.publishedText().length() > 200 ? m.publishedText().substring(0, 200) + "……" : m.publishedText();
					return new AtomFeeds.Entry(PersonalDataScanner.mask(m.title()), MotionPaths.item(m.id()), "urn:gongkai:motion:" + m.id(),
							m.publishedAt(), agencyName(m.leadUnit()), m.year() + "年" + m.numberLabel() + "　" + excerpt);
				}).toList());
	}

	/** The public yearly overview of the handling (办理总体情况); the latest year with motions by default. */
	String statisticsPage(Integer year) {
		List<Integer> years = statistics.years();
		int chosen = year != null ? year : years.isEmpty() ? LocalDate.now(clock.withZone(Zones.CHINA)).getYear() : years.get(0);
		Map<String, Object> model = new HashMap<>();
		model.put("year", chosen);
		model.put("years", years);
		model.put("units", statistics.byUnit(chosen).stream().filter(f -> f.received() > 0 || f.coHandled() > 0).toList());
		model.put("total", statistics.summary(chosen));
		model.put("listPath", MotionPaths.list());
		return renderer.render("interaction/motion-statistics", model);
	}

	private String agencyName(long id) {
		return agencies.findById(id).map(Agency::name).orElse("—");
	}

	static List<String> paragraphs(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
