package org.gongkai.powers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public random-inspection plans (双随机抽查) for the site search, read through {@link InspectionQueries#publicPlan}
 * and shown as the plan's public page shows it: the plan, its state, the inspection items and the draws. A draft plan
 * is never searchable.
 */
@Component
@Transactional(readOnly = true)
class InspectionSearchSource implements SearchSource {

	static final String KIND = "inspection";

	private final InspectionQueries queries;

	InspectionSearchSource(InspectionQueries queries) {
		this.queries = queries;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "双随机抽查";
	}

	@Override
	public int order() {
		return 75;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicPlan(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		int size = InspectionQueries.MAX_PAGE_SIZE;
		for (int page = 1;; page++) {
			List<InspectionPlan> plans = queries.publicPlans(null, page, size);
			plans.forEach(p -> sink.accept(entry(p)));
			if (plans.size() < size) {
				return;
			}
		}
	}

	private SearchEntry entry(InspectionPlan p) {
		Agency agency = queries.agency(p.agencyId());
		List<String> parts = new ArrayList<>();
		parts.add(agency.name() + " " + p.status().label());
		parts.add("检查期间 " + p.periodFrom() + " 至 " + p.periodTo());
		parts.add(p.entityCategory());
		parts.add("抽取" + p.entityCount() + "个检查对象，每个对象选派" + p.inspectorsPerEntity() + "名执法检查人员");
		for (InspectionItem i : queries.planItems(p.id())) {
			parts.add(i.name());
			parts.add(i.basis());
			parts.add(i.method());
		}
		Instant at = p.resultsPublishedAt() != null ? p.resultsPublishedAt()
				: p.publishedAt() != null ? p.publishedAt() : p.updatedAt();
		return new SearchEntry(KIND, p.id(), p.agencyId(), InspectionPaths.plan(agency, p.id()), p.title(),
				SearchEntry.lines(parts), null, LocalDate.ofInstant(at, Zones.CHINA), null, null, false);
	}
}
