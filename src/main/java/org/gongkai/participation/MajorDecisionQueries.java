package org.gongkai.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Catalog;
import org.gongkai.participation.MajorDecision.Change;
import org.gongkai.participation.MajorDecision.Progress;
import org.gongkai.participation.MajorDecision.StageRecord;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the major-decision catalogues. The public reads give published catalogues of active agencies alone, never a
 * draft; of a stage that is not public only the fact and the date (a legality review opinion is usually internal).
 */
@Service
@Transactional(readOnly = true)
class MajorDecisionQueries {

	static final String SITE = "/participation/decisions/";

	static final String FEED = "/participation/decisions/feed.atom";

	private final MajorDecisions store;

	private final AgencyDirectory agencies;

	private final ParticipationLinks links;

	private final Clock clock;

	MajorDecisionQueries(MajorDecisions store, AgencyDirectory agencies, ParticipationLinks links, Clock clock) {
		this.store = store;
		this.agencies = agencies;
		this.links = links;
		this.clock = clock;
	}

	static String path(long id) {
		return SITE + id + "/";
	}

	static String listPath(String agencyCode, Integer year) {
		StringBuilder out = new StringBuilder(SITE);
		String sep = "?";
		if (agencyCode != null) {
			out.append(sep).append("agency=").append(agencyCode);
			sep = "&";
		}
		if (year != null) {
			out.append(sep).append("year=").append(year);
		}
		return out.toString();
	}

	int currentYear() {
		return LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	// ---- staff ---------------------------------------------------------------------------------------------

	Optional<Catalog> catalog(long agencyId, int year) {
		return store.catalog(agencyId, year);
	}

	Optional<Catalog> catalog(long id) {
		return store.catalog(id);
	}

	List<Catalog> catalogs(long agencyId) {
		return store.catalogs(agencyId);
	}

	List<MajorDecision> items(long catalogId) {
		return store.items(catalogId);
	}

	List<MajorDecision> itemsOf(List<Long> agencyIds) {
		return store.itemsOf(agencyIds);
	}

	Optional<MajorDecision> find(long id) {
		return store.find(id);
	}

	List<StageRecord> stages(long id) {
		return store.stages(id);
	}

	List<Progress> progress(long id) {
		return store.progress(id);
	}

	List<Change> changes(long catalogId) {
		return store.changes(catalogId);
	}

	Optional<MajorDecision.Document> document(long id) {
		return store.document(id);
	}

	Agency agency(long id) {
		return agencies.requireById(id);
	}

	/** Every agency by id, read once per call instead of once per row. */
	Map<Long, Agency> agencyMap() {
		Map<Long, Agency> out = new HashMap<>();
		for (Agency a : agencies.all()) {
			out.put(a.id(), a);
		}
		return out;
	}

	/** The stages of several items in one query, without their documents (for the console and the dashboard). */
	Map<Long, List<StageRecord>> stagesOf(List<MajorDecision> items) {
		return store.stagesOf(items.stream().map(MajorDecision::id).toList());
	}

	// ---- public --------------------------------------------------------------------------------------------

	private static boolean active(Map<Long, Agency> all, long agencyId) {
		Agency a = all.get(agencyId);
		return a != null && a.active();
	}

	private boolean activeAgency(long agencyId) {
		return agencies.findById(agencyId).map(Agency::active).orElse(false);
	}

	/** Whether the item is on the portal: its catalogue is published and its agency active. */
	boolean isPublic(MajorDecision d) {
		return store.catalog(d.catalogId()).map(Catalog::published).orElse(false) && activeAgency(d.agencyId());
	}

	Optional<Catalog> publicCatalog(long agencyId, int year) {
		return store.catalog(agencyId, year).filter(Catalog::published).filter(c -> activeAgency(c.agencyId()));
	}

	/** Published catalogues of active agencies, of one agency or all, of one year or all. */
	List<Catalog> publicCatalogs(Long agencyId, Integer year) {
		Map<Long, Agency> all = agencyMap();
		return store.publishedCatalogs(agencyId, year).stream().filter(c -> active(all, c.agencyId())).toList();
	}

	/** The years with a published catalogue of an active agency, newest first. */
	List<Integer> publicYears() {
		return publicCatalogs(null, null).stream().map(Catalog::year).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
	}

	/**
	 * The year a catalogue link without a year leads to, the same for the page and the API: the current year; for an
	 * agency without a published catalogue of the current year its latest published one (the current year when none).
	 */
	int defaultYear(Long agencyId) {
		int year = currentYear();
		if (agencyId != null && publicCatalog(agencyId, year).isEmpty()) {
			year = publicCatalogs(agencyId, null).stream().mapToInt(Catalog::year).max().orElse(year);
		}
		return year;
	}

	Optional<MajorDecision> publicItem(long id) {
		return store.find(id).filter(this::isPublic);
	}

	/** Public items of published catalogues, of one agency or all, of one year or all. */
	List<MajorDecision> publicItems(Long agencyId, Integer year) {
		Map<Long, Agency> all = agencyMap();
		return store.publishedItems(agencyId, year).stream().filter(d -> active(all, d.agencyId())).toList();
	}

	/** A public change with its catalogue. */
	record PublicChange(Change change, Catalog catalog, Agency agency) {
	}

	/** The newest public changes (publication, additions, removals...) of active agencies' published catalogues. */
	List<PublicChange> publicChanges(Long agencyId, int limit) {
		List<Change> changes = store.publishedChanges(agencyId, limit * 2);
		Map<Long, Catalog> catalogs = store.catalogsById(changes.stream().map(Change::catalogId).toList());
		Map<Long, Agency> all = agencyMap();
		return changes.stream()
			.map(c -> new PublicChange(c, catalogs.get(c.catalogId()), all.get(catalogs.get(c.catalogId()).agencyId())))
			.filter(c -> c.agency() != null && c.agency().active())
			.limit(limit)
			.toList();
	}

	/** Published catalogues as the public sees them, their items and changes read in one query each. */
	List<Map<String, Object>> publicCatalogViews(List<Catalog> catalogs) {
		List<Long> ids = catalogs.stream().map(Catalog::id).toList();
		Map<Long, List<MajorDecision>> items = store.itemsOfCatalogs(ids);
		Map<Long, List<Change>> changes = store.changesOf(ids);
		Map<Long, Agency> all = agencyMap();
		return catalogs.stream()
			.map(c -> publicCatalogView(c, items.getOrDefault(c.id(), List.of()), changes.getOrDefault(c.id(), List.of()), all))
			.toList();
	}

	/** A published catalogue as the public sees it: the agency, the year, the approval, its items and its changes. */
	Map<String, Object> publicCatalogView(Catalog c) {
		return publicCatalogViews(List.of(c)).get(0);
	}

	private Map<String, Object> publicCatalogView(Catalog c, List<MajorDecision> items, List<Change> changes,
			Map<Long, Agency> all) {
		Agency a = all.get(c.agencyId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("year", c.year());
		out.put("publishedOn", c.publishedOn());
		out.put("approvalNote", c.approvalNote());
		out.put("url", listPath(a.code(), c.year()));
		out.put("items", items.stream().map(d -> publicRow(d, all)).toList());
		out.put("changes", changes.stream().map(this::changeView).toList());
		return out;
	}

	/** One row of a public catalogue table. */
	Map<String, Object> publicRow(MajorDecision d) {
		return publicRow(d, agencyMap());
	}

	Map<String, Object> publicRow(MajorDecision d, Map<Long, Agency> all) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("seq", d.seq());
		out.put("title", d.title());
		out.put("unit", unitLabel(d, all));
		out.put("planned", d.plannedLabel());
		out.put("plannedBy", d.plannedBy());
		out.put("methods", d.methods().stream().map(MajorDecision.Method::name).toList());
		out.put("methodsLabel", d.methodsLabel());
		out.put("status", d.status().name());
		out.put("statusLabel", d.status().label());
		out.put("statusReason", d.statusReason());
		out.put("addedLate", d.addedLate());
		out.put("url", path(d.id()));
		return out;
	}

	Map<String, Object> changeView(Change c) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("kind", c.kind().name());
		out.put("kindLabel", c.kind().label());
		out.put("title", c.title());
		out.put("reason", c.reason());
		out.put("detail", c.detail());
		out.put("on", c.on());
		out.put("decisionId", c.decisionId());
		out.put("url", c.decisionId() == null ? null : path(c.decisionId()));
		return out;
	}

	String unitLabel(MajorDecision d) {
		String unit = agencies.findById(d.unitAgencyId()).map(Agency::name).orElse("—");
		return d.unitOffice() == null ? unit : unit + "（" + d.unitOffice() + "）";
	}

	static String unitLabel(MajorDecision d, Map<Long, Agency> all) {
		Agency a = all.get(d.unitAgencyId());
		String unit = a == null ? "—" : a.name();
		return d.unitOffice() == null ? unit : unit + "（" + d.unitOffice() + "）";
	}

	/**
	 * An item as the public sees it: the entry, every stage (of a stage that is not public only its name and date), the
	 * consultations, polls and meetings on it that are public, the decision document, the progress and the evaluation.
	 */
	Map<String, Object> publicItemView(MajorDecision d) {
		Map<Long, Agency> all = agencyMap();
		Agency a = all.get(d.agencyId());
		Map<String, Object> out = publicRow(d, all);
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("year", d.year());
		out.put("summary", PersonalDataScanner.mask(d.summary()));
		out.put("unitAgency", all.containsKey(d.unitAgencyId()) ? all.get(d.unitAgencyId()).code() : null);
		out.put("unitOffice", d.unitOffice());
		out.put("participationExempt", d.participationExempt());
		out.put("exemptReason", d.exemptReason());
		out.put("expertRequired", d.expertRequired());
		out.put("riskRequired", d.riskRequired());
		out.put("catalogUrl", listPath(a.code(), d.year()));
		List<Map<String, Object>> stages = new ArrayList<>();
		for (StageRecord s : store.stages(d.id())) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("stage", s.stage().name());
			m.put("stageLabel", s.stage().label());
			m.put("completedOn", s.completedOn());
			m.put("public", s.isPublic());
			if (s.isPublic()) {
				m.put("summary", PersonalDataScanner.mask(s.summary()));
				m.put("outcome", s.outcome() == null ? null : s.outcome().name());
				m.put("outcomeLabel", s.outcome() == null ? null : s.outcome().label());
				m.put("meetingForm", s.meetingForm() == null ? null : s.meetingForm().name());
				m.put("meetingFormLabel", s.meetingForm() == null ? null : s.meetingForm().label());
				m.put("documents", s.documents().stream().map(doc -> {
					Map<String, Object> x = new LinkedHashMap<>();
					x.put("title", doc.title());
					x.put("url", doc.isFile() ? path(d.id()) + "files/" + doc.id() : doc.url());
					x.put("file", doc.isFile());
					return x;
				}).toList());
			}
			else {
				m.put("documents", List.of());
			}
			stages.add(m);
		}
		out.put("stages", stages);
		out.put("links", links.referencingPublic(MajorDecisionKind.KIND, d.id()).stream().map(l -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("kind", l.kind());
			x.put("kindTitle", links.kind(l.kind()).map(ParticipationKind::title).orElse(l.kind()));
			x.put("title", l.title());
			x.put("url", l.path());
			x.put("status", l.status());
			x.put("note", l.note());
			return x;
		}).toList());
		if (d.decided()) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("title", d.decisionTitle());
			doc.put("number", d.decisionNumber());
			doc.put("decidedOn", d.decidedOn());
			doc.put("url", d.decisionFileKey() != null ? path(d.id()) + "files/decision" : d.decisionUrl());
			out.put("decision", doc);
			out.put("progress", store.progress(d.id()).stream().map(p -> {
				Map<String, Object> x = new LinkedHashMap<>();
				x.put("on", p.on());
				x.put("content", PersonalDataScanner.mask(p.content()));
				return x;
			}).toList());
			if (d.evaluatedOn() != null) {
				Map<String, Object> ev = new LinkedHashMap<>();
				ev.put("evaluatedOn", d.evaluatedOn());
				ev.put("summary", PersonalDataScanner.mask(d.evaluationSummary()));
				ev.put("url", d.evaluationFileKey() != null ? path(d.id()) + "files/evaluation" : d.evaluationUrl());
				out.put("evaluation", ev);
			}
			else {
				out.put("evaluation", null);
			}
		}
		else {
			out.put("decision", null);
			out.put("progress", List.of());
			out.put("evaluation", null);
		}
		return out;
	}

	/** A public file of a public item: a document of a public stage, the decision document or the evaluation report. */
	Optional<PublicFile> publicFile(long id, String which) {
		Optional<MajorDecision> item = publicItem(id);
		if (item.isEmpty()) {
			return Optional.empty();
		}
		MajorDecision d = item.get();
		if ("decision".equals(which)) {
			return d.decided() && d.decisionFileKey() != null ? Optional.of(new PublicFile(d.decisionFileKey(), d.decisionFileName()))
					: Optional.empty();
		}
		if ("evaluation".equals(which)) {
			return d.decided() && d.evaluationFileKey() != null
					? Optional.of(new PublicFile(d.evaluationFileKey(), d.evaluationFileName())) : Optional.empty();
		}
		long docId;
		try {
			docId = Long.parseLong(which);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		for (StageRecord s : store.stages(id)) {
			if (!s.isPublic()) {
				continue;
			}
			for (MajorDecision.Document doc : s.documents()) {
				if (doc.id() == docId && doc.isFile()) {
					return Optional.of(new PublicFile(doc.fileKey(), doc.fileName()));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * A file of an item for staff, public or not: a document of any stage ({@code which} its id), the decision document or
	 * the evaluation report. The caller checks that the actor may read the item.
	 */
	Optional<PublicFile> staffFile(MajorDecision d, String which) {
		if ("decision".equals(which)) {
			return d.decisionFileKey() == null ? Optional.empty() : Optional.of(new PublicFile(d.decisionFileKey(), d.decisionFileName()));
		}
		if ("evaluation".equals(which)) {
			return d.evaluationFileKey() == null ? Optional.empty()
					: Optional.of(new PublicFile(d.evaluationFileKey(), d.evaluationFileName()));
		}
		try {
			return store.document(Long.parseLong(which))
				.filter(doc -> doc.decisionId() == d.id() && doc.isFile())
				.map(doc -> new PublicFile(doc.fileKey(), doc.fileName()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	record PublicFile(String key, String name) {
	}
}
