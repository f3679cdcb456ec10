package org.gongkai.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items of published major-decision catalogues (重大决策) for the site search, read through
 * {@link MajorDecisionQueries#publicItem} and rendered as text from the item's public view
 * ({@link MajorDecisionQueries#publicItemView}): of a stage that is not public only its name and date. An item of an
 * unpublished catalogue is not searchable; an item removed from the catalogue stays public, ranked as out of force.
 */
@Component
@Transactional(readOnly = true)
class MajorDecisionSearchSource implements SearchSource {

	static final String KIND = "major-decision";

	private final MajorDecisionQueries queries;

	MajorDecisionSearchSource(MajorDecisionQueries queries) {
		this.queries = queries;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "重大决策";
	}

	@Override
	public int order() {
		return 35;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicItem(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (MajorDecision d : queries.publicItems(null, null)) {
			publicEntry(d.id()).ifPresent(sink);
		}
	}

	@SuppressWarnings("unchecked")
	private SearchEntry entry(MajorDecision d) {
		Map<String, Object> v = queries.publicItemView(d);
		List<String> parts = new ArrayList<>();
		parts.add(v.get("agencyName") + " " + d.year() + "年度重大行政决策事项目录");
		parts.add(text(v.get("summary")));
		parts.add("承办单位：" + v.get("unit"));
		parts.add("计划决策时间：" + v.get("planned"));
		parts.add(text(v.get("methodsLabel")));
		parts.add(text(v.get("statusLabel")) + (v.get("statusReason") == null ? "" : "：" + v.get("statusReason")));
		parts.add(text(v.get("exemptReason")));
		for (Map<String, Object> s : (List<Map<String, Object>>) v.get("stages")) {
			parts.add(s.get("stageLabel") + " " + text(s.get("completedOn")));
			if (Boolean.TRUE.equals(s.get("public"))) {
				parts.add(text(s.get("summary")));
				parts.add(text(s.get("outcomeLabel")));
				for (Map<String, Object> doc : (List<Map<String, Object>>) s.get("documents")) {
					parts.add(text(doc.get("title")));
				}
			}
		}
		String keywords = null;
		Map<String, Object> decision = (Map<String, Object>) v.get("decision");
		if (decision != null) {
			parts.add(text(decision.get("title")));
			parts.add(text(decision.get("number")));
			keywords = text(decision.get("number"));
			for (Map<String, Object> p : (List<Map<String, Object>>) v.get("progress")) {
				parts.add(text(p.get("content")));
			}
			Map<String, Object> evaluation = (Map<String, Object>) v.get("evaluation");
			if (evaluation != null) {
				parts.add(text(evaluation.get("summary")));
			}
		}
		LocalDate date = d.decidedOn() != null ? d.decidedOn()
				: queries.catalog(d.catalogId()).map(MajorDecision.Catalog::publishedOn).orElse(null);
		if (date == null) {
			date = LocalDate.of(d.year(), 1, 1);
		}
		return new SearchEntry(KIND, d.id(), d.agencyId(), MajorDecisionQueries.path(d.id()), d.title(),
				SearchEntry.lines(parts), null, date, null, keywords,
				d.status() == MajorDecision.Status.REMOVED);
	}

	private static String text(Object o) {
		return o == null ? "" : o.toString();
	}
}
