package org.gongkai.oversight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The scores of the automatic inspection: an agency's figures scored against the indicator catalogue by
 * {@link MonitoringRules}, stored as the day's snapshot. Staff of the agency and supervisors over it read; a supervisor
 * recomputes on demand; the daily sweep scores every active agency.
 */
@Service
public class MonitoringScores {

	private static final Logger log = LoggerFactory.getLogger(MonitoringScores.class);

	private final MonitoringFigures figures;

	private final MonitoringSnapshots snapshots;

	private final IndicatorCatalog indicators;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BigDecimal bonusCap;

	MonitoringScores(MonitoringFigures figures, MonitoringSnapshots snapshots, IndicatorCatalog indicators,
			AgencyDirectory agencies, AgencyAccess access, ApplicationEventPublisher events, Clock clock,
			@Value("${gongkai.oversight.bonus-cap:20}") BigDecimal bonusCap) {
		this.figures = figures;
		this.snapshots = snapshots;
		this.indicators = indicators;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.bonusCap = bonusCap;
	}

	/**
	 * Whether the actor may read the agency's monitoring: any staff role on it, or a supervisor over it; or an
	 * integration token with scope {@code reports} (identity.TokenScope.REPORTS, 读取统计报表) of the agency or of an
	 * agency above it.
	 */
	public boolean mayRead(Actor actor, long agencyId) {
		if (actor.token()) {
			return actor.hasScope(REPORTS_SCOPE) && actor.agencyId() != null
					&& (actor.agencyId() == agencyId || agencies.findById(agencyId)
						.map(a -> a.isWithin(actor.agencyId()))
						.orElse(false));
		}
		return access.allows(actor, agencyId, Role.values());
	}

	/** The token scope that reads statistics (identity.TokenScope.REPORTS). */
	static final String REPORTS_SCOPE = "reports";

	/** Whether the actor may recompute and set column windows: a supervisor over the agency or a system administrator. */
	public boolean maySupervise(Actor actor, long agencyId) {
		return !actor.token() && access.allows(actor, agencyId, Role.SUPERVISOR);
	}

	/** Today's score of the agency: the stored snapshot, else computed from today's figures and stored. */
	public MonitoringScore score(long agencyId) {
		requireRead(agencyId);
		LocalDate today = figures.today();
		return snapshots.score(agencyId, today).orElseGet(() -> scoreAndStore(agencyId, today, figures.latest(agencyId)));
	}

	/** Today's figures of the agency (the stored snapshot, else computed). */
	public Map<String, OversightFigure> figures(long agencyId) {
		requireRead(agencyId);
		return figures.latest(agencyId);
	}

	/** 重新计算: the supervisor recomputes today's figures and score of the agency from the records now. */
	@org.springframework.transaction.annotation.Transactional
	public MonitoringScore recompute(long agencyId) {
		Actor actor = access.require(agencyId, Role.SUPERVISOR);
		MonitoringScore score = computeNow(agencyId);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "monitoring.recomputed", "Agency",
				agencyId, "重新计算公开监测", null, "得分" + MonitoringRules.plain(score.score()) + "，" + score.verdict()));
		return score;
	}

	/** Computes and stores today's figures and score (no access check: for the sweep and for recompute). */
	MonitoringScore computeNow(long agencyId) {
		LocalDate today = figures.today();
		return scoreAndStore(agencyId, today, figures.computeAndStore(agencyId, today));
	}

	/** The daily sweep: every active agency, each on its own (one failing agency does not stop the others). */
	public int sweepAll() {
		return Actors.callAsSystem(() -> {
			int n = 0;
			for (Agency agency : agencies.active()) {
				try {
					computeNow(agency.id());
					n++;
				}
				catch (RuntimeException e) {
					log.warn("Monitoring of agency {} failed: {}", agency.code(), e.toString());
				}
			}
			return n;
		});
	}

	/** Scores figures without storing (for previews and tests of the catalogue). */
	public MonitoringScore scoreOf(long agencyId, LocalDate on, Map<String, OversightFigure> figureMap) {
		return MonitoringRules.score(agencyId, on, indicators.all(), figureMap, figures.definitionsByKey(), bonusCap);
	}

	public BigDecimal bonusCap() {
		return bonusCap;
	}

	private MonitoringScore scoreAndStore(long agencyId, LocalDate on, Map<String, OversightFigure> figureMap) {
		MonitoringScore score = scoreOf(agencyId, on, figureMap);
		try {
			snapshots.saveScore(score);
		}
		catch (RuntimeException e) {
			log.debug("Score of agency {} on {} not stored: {}", agencyId, on, e.toString());
		}
		return score;
	}

	private void requireRead(long agencyId) {
		Actor actor = Actors.require();
		if (!mayRead(actor, agencyId)) {
			throw org.gongkai.platform.DomainException.forbidden("您没有查看该单位公开监测的权限");
		}
	}

	/** The agencies whose monitoring the actor supervises (SUPERVISOR grants, subtree), in tree order. */
	public List<Agency> supervised(Actor actor) {
		if (actor.token()) {
			return List.of();
		}
		return agencies.active().stream().filter(a -> access.allows(actor, a.id(), Role.SUPERVISOR)).toList();
	}
}
