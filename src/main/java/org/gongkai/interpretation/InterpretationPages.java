package org.gongkai.interpretation;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.catalog.Themes;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.Zones;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationPaths;
import org.gongkai.publication.PublicationQueries;
import org.springframework.stereotype.Component;

/**
 * The public pages of interpretations and responses to public concern — the 政策解读 and 回应关切 columns, site-wide
 * and per agency, with filters and paging, the item pages and Atom feeds — from public data only.
 */
@Component
class InterpretationPages {

	static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PageRenderer renderer;

	private final InterpretationQueries queries;

	private final PublicationQueries documents;

	private final AgencyDirectory agencies;

	private final Themes themes;

	private final SiteSettings site;

	private final AgencyColumns columns;

	InterpretationPages(PageRenderer renderer, InterpretationQueries queries, PublicationQueries documents,
			AgencyDirectory agencies, Themes themes, SiteSettings site,
			AgencyColumns columns) {
		this.columns = columns;
		this.renderer = renderer;
		this.queries = queries;
		this.documents = documents;
		this.agencies = agencies;
		this.themes = themes;
		this.site = site;
	}

	/** Filters of the 政策解读 column from the query string; all optional. */
	record Filters(InterpretationForm form, String theme, String agency, int page) {

		static final Filters NONE = new Filters(null, null, null, 1);

		String query(int toPage) {
			StringBuilder q = new StringBuilder();
			if (form != null) {
				q.append("&form=").append(form.name());
			}
			if (theme != null) {
				q.append("&theme=").append(java.net.URLEncoder.encode(theme, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (agency != null) {
				q.append("&agency=").append(agency);
			}
			if (toPage > 1) {
				q.append("&page=").append(toPage);
			}
			return q.isEmpty() ? "" : "?" + q.substring(1);
		}
	}

	/** The 政策解读 column: of one agency, or of the whole site when {@code agency} is null. */
	Optional<String> listPage(Agency agency, Filters filters) {
		List<Long> scope = null;
		Agency filterAgency = null;
		if (agency != null) {
			scope = List.of(agency.id());
		}
		else if (filters.agency() != null) {
			filterAgency = agencies.findByCode(filters.agency()).filter(Agency::active).orElse(null);
			if (filterAgency == null) {
				return Optional.empty();
			}
			scope = List.of(filterAgency.id());
		}
		InterpretationQueries.Page<Interpretation> page = queries.publicPage(scope, filters.form(), filters.theme(), null,
				filters.page(), PAGE_SIZE);
		if (filters.page() > 1 && filters.page() > page.pages()) {
			return Optional.empty();
		}
		String path = agency == null ? InterpretationPaths.siteList() : InterpretationPaths.agencyList(agency);
		Map<String, Object> model = base(agency);
		model.put("page", page);
		model.put("items", page.items().stream().map(this::summary).toList());
		model.put("filters", filters);
		model.put("forms", InterpretationForm.values());
		model.put("themes", themes.topLevel());
		model.put("agencyOptions", agency == null ? agencies.active() : List.of());
		model.put("listPath", path);
		model.put("feed", agency == null ? InterpretationPaths.siteFeed() : InterpretationPaths.agencyFeed(agency));
		model.put("prev", page.page() > 1 ? path + filters.query(page.page() - 1) : null);
		model.put("next", page.page() < page.pages() ? path + filters.query(page.page() + 1) : null);
		return Optional.of(renderer.render("interpretation/list", model));
	}

	private Map<String, Object> summary(Interpretation i) {
		Map<String, Object> m = new HashMap<>();
		Agency owner = agencies.requireById(i.agencyId());
		m.put("title", i.title());
		m.put("href", InterpretationPaths.item(owner, i.id()));
		m.put("form", i.form().label());
		m.put("publishedOn", i.publishedOn());
		m.put("agency", owner.name());
		m.put("principal", i.principalLeader());
		m.put("summary", i.summary());
		return m;
	}

	Optional<String> itemPage(Agency agency, long id) {
		return queries.publicInterpretation(id).filter(i -> i.agencyId() == agency.id()).map(i -> {
			Map<String, Object> model = base(agency);
			model.put("i", i);
			model.put("unit", agencies.findById(i.interpretingUnitId()).map(Agency::name).orElse(agency.name()));
			List<Map<String, Object>> docs = new ArrayList<>();
			for (Long docId : i.documentIds()) {
				documents.publicDocument(docId).ifPresent(d -> docs.add(documentLink(d)));
			}
			model.put("documents", docs);
			Map<String, String> sections = new LinkedHashMap<>();
			i.sections().forEach((k, v) -> sections.put(k.label(), v));
			model.put("sections", sections);
			List<Map<String, Object>> images = new ArrayList<>();
			Map<String, Object> video = null;
			String captions = null;
			for (InterpretationMedia m : queries.media(id)) {
				String href = InterpretationPaths.media(agency, m);
				switch (m.kind()) {
					case IMAGE -> images.add(Map.of("href", href, "alt", m.altText(), "description",
							m.description() == null ? "" : m.description()));
					case VIDEO, AUDIO -> {
						if (video == null) {
							video = Map.of("href", href, "type", m.contentType(), "audio", m.kind() == MediaKind.AUDIO);
						}
					}
					case CAPTIONS -> captions = href;
				}
			}
			model.put("images", images);
			model.put("video", video);
			model.put("captions", captions);
			model.put("eventAt", i.eventAt() == null ? null : MINUTES.format(i.eventAt().atZone(Zones.CHINA)));
			model.put("repostLag", queries.repostLag(i).orElse(null));
			model.put("transcriptLines", i.transcript() == null ? List.of()
					: java.util.Arrays.stream(i.transcript().split("\\R")).filter(l -> !l.isBlank()).toList());
			return renderer.render("interpretation/item", model);
		});
	}

	private Map<String, Object> documentLink(Document d) {
		Agency owner = agencies.requireById(d.agencyId());
		Map<String, Object> m = new HashMap<>();
		m.put("title", d.title());
		m.put("href", PublicationPaths.document(owner, d.id()));
		m.put("number", d.documentNumber());
		m.put("publishedOn", d.publishedOn());
		return m;
	}

	String feed(Agency agency) {
		InterpretationQueries.Page<Interpretation> page = queries.publicPage(agency == null ? null : List.of(agency.id()), null,
				null, null, 1, 50);
		String title = (agency == null ? site.name() : agency.name()) + " 政策解读";
		return AtomFeeds.write(site.domain(), title,
				agency == null ? InterpretationPaths.siteFeed() : InterpretationPaths.agencyFeed(agency),
				agency == null ? InterpretationPaths.siteList() : InterpretationPaths.agencyList(agency),
				agency == null ? site.host() : agency.name(), java.time.Instant.EPOCH, page.items().stream().map(i -> {
					Agency owner = agencies.requireById(i.agencyId());
					return new AtomFeeds.Entry(i.title(), InterpretationPaths.item(owner, i.id()),
							"urn:gongkai:interpretation:" + i.id(), i.publishedAt(), owner.name(),
							i.summary() != null ? i.summary() : i.form().label());
				}).toList());
	}

	// ---- 回应关切 -------------------------------------------------------------------------------------

	Optional<String> concernList(Agency agency, int pageNo) {
		InterpretationQueries.Page<ConcernResponse> page = queries.publicResponses(agency == null ? null : List.of(agency.id()),
				pageNo, PAGE_SIZE);
		if (pageNo > 1 && pageNo > page.pages()) {
			return Optional.empty();
		}
		String path = agency == null ? InterpretationPaths.concernList() : InterpretationPaths.agencyConcernList(agency);
		Map<String, Object> model = base(agency);
		model.put("page", page);
		model.put("items", page.items().stream().map(r -> {
			Agency owner = agencies.requireById(r.agencyId());
			ConcernTopic topic = queries.topicOfPublicResponse(r).orElseThrow();
			Map<String, Object> m = new HashMap<>();
			m.put("title", r.title());
			m.put("href", InterpretationPaths.concern(owner, r.id()));
			m.put("topic", topic.title());
			m.put("agency", owner.name());
			m.put("publishedAt", MINUTES.format(r.publishedAt().atZone(Zones.CHINA)));
			m.put("elapsed", ConcernResponse.elapsedLabel(topic.detectedAt(), r.publishedAt()));
			return m;
		}).toList());
		model.put("listPath", path);
		model.put("prev", page.page() > 1 ? path + (page.page() - 1 > 1 ? "?page=" + (page.page() - 1) : "") : null);
		model.put("next", page.page() < page.pages() ? path + "?page=" + (page.page() + 1) : null);
		return Optional.of(renderer.render("interpretation/concern-list", model));
	}

	Optional<String> concernPage(Agency agency, long responseId) {
		return queries.publicResponse(responseId).filter(r -> r.agencyId() == agency.id()).map(r -> {
			ConcernTopic topic = queries.topicOfPublicResponse(r).orElseThrow();
			Map<String, Object> model = base(agency);
			model.put("r", r);
			model.put("topic", topic);
			model.put("source", topic.source().label());
			model.put("detectedAt", MINUTES.format(topic.detectedAt().atZone(Zones.CHINA)));
			model.put("publishedAt", MINUTES.format(r.publishedAt().atZone(Zones.CHINA)));
			model.put("elapsed", ConcernResponse.elapsedLabel(topic.detectedAt(), r.publishedAt()));
			List<Map<String, Object>> docs = new ArrayList<>();
			for (Long docId : topic.documentIds()) {
				documents.publicDocument(docId).ifPresent(d -> docs.add(documentLink(d)));
			}
			model.put("documents", docs);
			return renderer.render("interpretation/concern", model);
		});
	}

	private Map<String, Object> base(Agency agency) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		if (agency != null) {
			model.put("columns", columns.of(agency.id()));
		}
		return model;
	}
}
