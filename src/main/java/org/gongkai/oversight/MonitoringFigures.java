package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;

import org.springframework.stereotype.Service;

/**
 * Every figure of the automatic inspection, gathered from all {@link OversightFigureSource}s: what the dashboards, the
 * indicator scores, the self-check checklists, the bulletins and the assessment runs read.
 */
@Service
public class MonitoringFigures {

	private final List<OversightFigureSource> sources;

	private final AgencyDirectory agencies;

	MonitoringFigures(List<OversightFigureSource> sources, AgencyDirectory agencies) {
		this.sources = List.copyOf(sources);
		this.agencies = agencies;
	}

	/** The definitions of all sources, in their order. */
	public List<FigureDefinition> definitions() {
		List<FigureDefinition> all = new ArrayList<>();
		sources.forEach(s -> all.addAll(s.definitions()));
		all.sort(Comparator.comparingInt(FigureDefinition::order).thenComparing(FigureDefinition::key));
		return all;
	}

	/** The figures of one agency at the end of {@code on}, computed from the records now, keyed by figure key. */
	public Map<String, OversightFigure> compute(long agencyId, LocalDate on) {
		Agency agency = agencies.requireById(agencyId);
		Map<String, OversightFigure> figures = new LinkedHashMap<>();
		for (OversightFigureSource source : sources) {
			for (OversightFigure f : source.compute(agency, on)) {
				figures.put(f.key(), f);
			}
		}
		return figures;
	}
}
