package org.gongkai.powers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PersonalDataScanner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of random inspections. The public reads give public plans alone (never a draft), their draws, and the
 * results only once published; an individual entity's name is masked and its address left out.
 */
@Service
@Transactional(readOnly = true)
class InspectionQueries {

	static final int MAX_PAGE_SIZE = 200;

	private final Inspections store;

	private final AgencyDirectory agencies;

	InspectionQueries(Inspections store, AgencyDirectory agencies) {
		this.store = store;
		this.agencies = agencies;
	}

	List<InspectionItem> items(long agencyId) {
		return store.items(agencyId);
	}

	List<InspectionInspector> inspectors(long agencyId) {
		return store.inspectors(agencyId);
	}

	List<InspectionEntity> entities(long agencyId) {
		return store.entities(agencyId, null);
	}

	Optional<InspectionPlan> plan(long id) {
		return store.plan(id);
	}

	List<InspectionPlan> plans(List<Long> agencyIds) {
		return store.plans(agencyIds);
	}

	List<InspectionItem> planItems(long planId) {
		return store.planItems(planId);
	}

	List<InspectionDraw> draws(long planId) {
		return store.draws(planId);
	}

	List<InspectionCandidate> candidates(long drawId, String pool) {
		return store.candidates(drawId, pool);
	}

	List<InspectionPick> picks(long drawId) {
		return store.picks(drawId);
	}

	Optional<InspectionDraw> draw(long id) {
		return store.draw(id);
	}

	// ---- public --------------------------------------------------------------------------------------------

	/** A page of public plans, newest first: {@code page} from 1, at most {@link #MAX_PAGE_SIZE} each. */
	List<InspectionPlan> publicPlans(Long agencyId, int page, int size) {
		int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		long offset = (long) (Math.max(page, 1) - 1) * s;
		return offset > Integer.MAX_VALUE ? List.of() : store.publicPlans(agencyId, inactiveAgencyIds(), (int) offset, s);
	}

	long countPublicPlans(Long agencyId) {
		return store.countPublicPlans(agencyId, inactiveAgencyIds());
	}

	/** A public plan of an active agency: an abolished agency's plans (and their draws) leave the public surfaces. */
	Optional<InspectionPlan> publicPlan(long id) {
		return store.plan(id)
			.filter(p -> p.status().isPublic())
			.filter(p -> agencies.findById(p.agencyId()).map(Agency::active).orElse(false));
	}

	private List<Long> inactiveAgencyIds() {
		return agencies.all().stream().filter(a -> !a.active()).map(Agency::id).toList();
	}

	Optional<InspectionDraw> publicDraw(long id) {
		return store.draw(id).filter(d -> publicPlan(d.planId()).isPresent());
	}

	List<Long> publicDrawIds(long afterId, int limit) {
		return store.publicDrawIds(afterId, limit);
	}

	List<InspectionInspector> retiredInspectors(long agencyId) {
		return store.retiredInspectors(agencyId);
	}

	List<InspectionEntity> retiredEntities(long agencyId) {
		return store.retiredEntities(agencyId);
	}

	Agency agency(long id) {
		return agencies.requireById(id);
	}

	/** A plan as the public sees it. */
	Map<String, Object> publicPlanView(InspectionPlan p) {
		Agency a = agency(p.agencyId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", p.id());
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("title", p.title());
		out.put("periodFrom", p.periodFrom());
		out.put("periodTo", p.periodTo());
		out.put("entityCategory", p.entityCategory());
		out.put("entityCount", p.entityCount());
		out.put("inspectorsPerEntity", p.inspectorsPerEntity());
		out.put("entropySource", p.entropySource());
		out.put("status", p.status());
		out.put("statusLabel", p.status().label());
		out.put("publishedAt", p.publishedAt());
		out.put("resultsPublishedAt", p.resultsPublishedAt());
		out.put("items", store.planItems(p.id()).stream().map(i -> Map.of("id", i.id(), "name", i.name())).toList());
		out.put("draws", store.draws(p.id()).stream().map(d -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", d.id());
			m.put("seq", d.seq());
			m.put("drawnAt", d.drawnAt());
			m.put("superseded", d.superseded());
			m.put("url", InspectionPaths.draw(a, d.id()));
			return m;
		}).toList());
		out.put("url", InspectionPaths.plan(a, p.id()));
		return out;
	}

	/**
	 * A draw as the public sees it: the seed and everything it is made of, the algorithm, the candidate lists in
	 * their order, and the drawn entities with their inspectors; the results once published.
	 */
	Map<String, Object> publicDrawView(InspectionDraw d) {
		InspectionPlan p = store.plan(d.planId()).orElseThrow();
		Agency a = agency(d.agencyId());
		List<InspectionCandidate> entities = store.candidates(d.id(), InspectionCandidate.ENTITY);
		List<InspectionCandidate> inspectors = store.candidates(d.id(), InspectionCandidate.INSPECTOR);
		Map<String, InspectionCandidate> byEntity = entities.stream()
			.collect(Collectors.toMap(InspectionCandidate::key, Function.identity(), (x, y) -> x));
		Map<String, InspectionCandidate> byInspector = inspectors.stream()
			.collect(Collectors.toMap(InspectionCandidate::key, Function.identity(), (x, y) -> x));
		boolean results = p.status() == InspectionPlanStatus.RESULTS_PUBLISHED && !d.superseded();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("planId", p.id());
		out.put("planTitle", p.title());
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("seq", d.seq());
		out.put("drawnAt", d.drawnAt());
		out.put("publicEntropy", d.publicEntropy());
		out.put("entropySource", p.entropySource());
		out.put("nonce", d.nonceHex());
		out.put("seed", d.seed());
		out.put("algorithm", d.algorithm());
		out.put("algorithmUrl", InspectionPaths.ALGORITHM);
		out.put("entityCount", d.entityCount());
		out.put("inspectorsPerEntity", d.inspectorsPerEntity());
		out.put("superseded", d.superseded());
		out.put("redrawReason", d.redrawReason());
		out.put("resultsPublished", results);
		Map<String, Object> candidates = new LinkedHashMap<>();
		candidates.put("entities", entities.stream().map(c -> candidate(c)).toList());
		candidates.put("inspectors", inspectors.stream().map(c -> candidate(c)).toList());
		out.put("candidates", candidates);
		List<Map<String, Object>> result = new ArrayList<>();
		for (InspectionPick x : store.picks(d.id())) {
			Map<String, Object> m = new LinkedHashMap<>();
			InspectionCandidate e = byEntity.get(x.entityKey());
			m.put("rank", x.rank());
			m.put("entityKey", x.entityKey());
			m.put("entityName", e == null ? "—" : e.publicName());
			m.put("category", e == null ? null : e.category());
			m.put("kind", e == null ? null : kindOf(e));
			m.put("inspectorKeys", x.inspectorKeys());
			m.put("inspectors", x.inspectorKeys().stream().map(k -> byInspector.containsKey(k) ? byInspector.get(k).name() : "—").toList());
			if (results) {
				m.put("outcome", x.outcome());
				m.put("outcomeLabel", x.outcome() == null ? null : x.outcome().label());
				m.put("note", PersonalDataScanner.mask(x.note()));
				m.put("checkedOn", x.checkedOn());
			}
			result.add(m);
		}
		out.put("result", result);
		out.put("url", InspectionPaths.draw(a, d.id()));
		out.put("verifyUrl", InspectionPaths.verify(a, d.id()));
		return out;
	}

	private static Map<String, Object> candidate(InspectionCandidate c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("position", c.position());
		m.put("key", c.key());
		m.put("name", c.publicName());
		if (InspectionCandidate.ENTITY.equals(c.pool())) {
			m.put("kind", kindOf(c));
			m.put("category", c.category());
			m.put("riskGrade", c.riskGrade());
			m.put("address", c.publicAddress());
		}
		else {
			m.put("certificate", c.detail());
		}
		return m;
	}

	/** The kind as published: an entity without a recorded kind counts as an individual. */
	private static String kindOf(InspectionCandidate c) {
		return (InspectionEntity.individual(c.kind()) ? InspectionEntityKind.INDIVIDUAL : InspectionEntityKind.ORGANISATION).name();
	}

	/** The public item list entry. */
	static Map<String, Object> publicItemView(InspectionItem i) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", i.id());
		m.put("name", i.name());
		m.put("objectType", i.objectType());
		m.put("basis", i.basis());
		m.put("method", i.method());
		m.put("frequency", i.frequency());
		m.put("department", i.department());
		return m;
	}
}
