package org.gongkai.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every figure of the automatic inspection, gathered from all {@link OversightFigureSource}s: what the dashboards, the
 * indicator scores, the self-check checklists, the bulletins and the assessment runs read.
 */
@Service
public class MonitoringFigures {

	private static final Logger log = LoggerFactory.getLogger(MonitoringFigures.class);

	private final List<OversightFigureSource> sources;

	private final AgencyDirectory agencies;

	private final MonitoringSnapshots snapshots;

	private final Clock clock;

	/** Runs the sources outside any caller's transaction (see {@link #compute}). */
	private final TransactionTemplate outsideCallersTransaction;

	MonitoringFigures(List<OversightFigureSource> sources, AgencyDirectory agencies, MonitoringSnapshots snapshots,
			Clock clock, PlatformTransactionManager transactions) {
		this.sources = List.copyOf(sources);
		this.agencies = agencies;
		this.snapshots = snapshots;
		this.clock = clock;
		this.outsideCallersTransaction = new TransactionTemplate(transactions);
		this.outsideCallersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
	}

	/** The definitions of all sources, in their order. */
	public List<FigureDefinition> definitions() {
		List<FigureDefinition> all = new ArrayList<>();
		sources.forEach(s -> all.addAll(s.definitions()));
		all.sort(Comparator.comparingInt(FigureDefinition::order).thenComparing(FigureDefinition::key));
		return all;
	}

	/** The definitions keyed by figure key. */
	public Map<String, FigureDefinition> definitionsByKey() {
		Map<String, FigureDefinition> out = new LinkedHashMap<>();
		definitions().forEach(d -> out.put(d.key(), d));
		return out;
	}

	/**
	 * The figures of one agency at the end of {@code on}, computed from the records now, keyed by figure key. The
	 * sources run with the caller's transaction suspended: a statistics query that fails inside a source (and is turned
	 * into a 「计算失败」 figure there) then rolls back only its own transaction and never marks the caller's (opening a
	 * self-check, computing an assessment run) rollback-only.
	 */
	public Map<String, OversightFigure> compute(long agencyId, LocalDate on) {
		Agency agency = agencies.requireById(agencyId);
		return outsideCallersTransaction.execute(status -> {
			Map<String, OversightFigure> figures = new LinkedHashMap<>();
			for (OversightFigureSource source : sources) {
				for (OversightFigure f : source.compute(agency, on)) {
					figures.put(f.key(), f);
				}
			}
			return figures;
		});
	}

	/**
	 * Today's figures of the agency: the snapshot the daily sweep (or a recomputation) stored today, else computed now
	 * and stored as today's snapshot.
	 */
	public Map<String, OversightFigure> latest(long agencyId) {
		LocalDate today = today();
		return snapshots.figures(agencyId, today).orElseGet(() -> computeAndStore(agencyId, today));
	}

	/** Computes the agency's figures of {@code on} and stores them as that day's snapshot, replacing any. */
	public Map<String, OversightFigure> computeAndStore(long agencyId, LocalDate on) {
		Map<String, OversightFigure> figures = compute(agencyId, on);
		try {
			snapshots.saveFigures(agencyId, on, figures);
		}
		catch (RuntimeException e) {
			// a concurrent computation stored the same day first: the figures are the same
			log.debug("Snapshot of agency {} on {} not stored: {}", agencyId, on, e.toString());
		}
		return figures;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}
}
