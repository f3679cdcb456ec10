package org.gongkai.interpretation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's interpretation figures for a year: the policies that needed interpretation and how each duty
 * ended (on time, late, missing, waived, pending), interpretations by form, interpretations by the principal
 * leader against the yearly target, and how fast public concern was answered. The annual report and oversight
 * read these figures here; they are never recomputed elsewhere.
 */
@Service
@Transactional(readOnly = true)
public class InterpretationStatistics {

	public record YearFigures(long agencyId, int year, int required, int onTime, int late, int missing, int waived,
			int pending, Map<InterpretationForm, Long> byForm, long principalLeader, int principalLeaderTarget,
			int concernsAnswered, Double averageResponseHours, List<Obligation> problems) {

		public long interpretations() {
			return byForm.values().stream().mapToLong(Long::longValue).sum();
		}

		public boolean principalTargetMet() {
			return principalLeader >= principalLeaderTarget;
		}
	}

	private final Dossiers dossiers;

	private final Interpretations interpretations;

	private final Concerns concerns;

	private final InterpretationSettings settings;

	private final AgencyAccess access;

	private final Clock clock;

	InterpretationStatistics(Dossiers dossiers, Interpretations interpretations, Concerns concerns,
			InterpretationSettings settings, AgencyAccess access, Clock clock) {
		this.dossiers = dossiers;
		this.interpretations = interpretations;
		this.concerns = concerns;
		this.settings = settings;
		this.access = access;
		this.clock = clock;
	}

	/** The figures of one agency the current staff member works for (403 otherwise). */
	public YearFigures of(long agencyId, int year) {
		if (!access.allows(Actors.require(), agencyId, Role.values())) {
			throw org.gongkai.platform.DomainException.forbidden("您没有查看该单位统计的权限");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		List<Obligation> obligations = dossiers.obligations(List.of(agencyId), from, to)
			.stream()
			.filter(o -> !o.cancelled())
			.toList();
		int onTime = 0;
		int late = 0;
		int missing = 0;
		int waived = 0;
		int pending = 0;
		for (Obligation o : obligations) {
			switch (o.state(today)) {
				case ON_TIME -> onTime++;
				case LATE -> late++;
				case MISSING -> missing++;
				case WAIVED -> waived++;
				case PENDING -> pending++;
				default -> {
				}
			}
		}
		List<Obligation> problems = obligations.stream()
			.filter(o -> o.state(today) == Obligation.State.LATE || o.state(today) == Obligation.State.MISSING)
			.toList();
		List<Long> hours = concerns.responseHours(List.of(agencyId), from.atStartOfDay(Zones.CHINA).toInstant(),
				to.plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
		return new YearFigures(agencyId, year, obligations.size(), onTime, late, missing, waived, pending,
				interpretations.publishedByForm(List.of(agencyId), from, to),
				interpretations.principalLeaderCount(agencyId, from, to), settings.of(agencyId).principalLeaderTarget(),
				hours.size(), hours.isEmpty() ? null : hours.stream().mapToLong(Long::longValue).average().orElse(0), problems);
	}
}
