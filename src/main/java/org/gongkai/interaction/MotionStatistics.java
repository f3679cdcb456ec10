package org.gongkai.interaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly figures of suggestion and proposal handling (办理总体情况), per unit and across units, for the console, the
 * public overview and the annual report. Pure reads. A motion counts for the year it was registered in; timeliness is
 * that of the first reply, the category that of the latest reply, feedback the proposers' latest opinion.
 */
@Service
@Transactional(readOnly = true)
public class MotionStatistics {

	/**
	 * One unit's figures for a year, or the total across units ({@code agencyId} null).
	 *
	 * @param suggestions suggestions received as lead unit
	 * @param proposals proposals received as lead unit
	 * @param coSuggestions suggestions co-handled (counted separately, not in {@link #received()})
	 * @param replied motions replied (at least once) as lead unit
	 * @param publicationLate replies published after the publication limit
	 * @param withdrawn replies published and later withdrawn
	 * @param overdue motions past their deadline without reply, on the day the figures were read
	 */
	public record Figures(Long agencyId, String agencyCode, String agencyName, int year, int suggestions, int proposals,
			int coSuggestions, int coProposals, int replied, int repliedOnTime, int repliedLate, int categoryA,
			int categoryB, int categoryC, int publishedFull, int publishedSummary, int notPublished, int withdrawn,
			int publicationLate, int satisfied, int basicallySatisfied, int unsatisfied, int closed, int overdue) {

		public int received() {
			return suggestions + proposals;
		}

		public int coHandled() {
			return coSuggestions + coProposals;
		}

		/** (A + B) / replied in percent with one decimal; null when nothing was replied. */
		public BigDecimal adoptionRate() {
			int categorised = categoryA + categoryB + categoryC;
			if (categorised == 0) {
				return null;
			}
			return BigDecimal.valueOf(100L * (categoryA + categoryB)).divide(BigDecimal.valueOf(categorised), 1, RoundingMode.HALF_UP);
		}

		/** Replies published (in full or as a summary) and still public. */
		public int published() {
			return publishedFull + publishedSummary;
		}
	}

	private final Motions motions;

	private final AgencyDirectory agencies;

	private final Clock clock;

	MotionStatistics(Motions motions, AgencyDirectory agencies, Clock clock) {
		this.motions = motions;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** Every unit that leads or co-handles a motion of the year, in the agency tree's order. */
	public List<Figures> byUnit(int year) {
		Map<Long, Counter> counters = count(year);
		List<Figures> out = new ArrayList<>();
		for (Agency a : agencies.all()) {
			Counter c = counters.get(a.id());
			if (c != null) {
				out.add(c.figures(a.id(), a.code(), a.name(), year));
			}
		}
		return out;
	}

	/** One unit's figures for the year (all zero when it has none). */
	public Figures forUnit(long agencyId, int year) {
		Agency a = agencies.requireById(agencyId);
		return Optional.ofNullable(count(year).get(agencyId)).orElseGet(Counter::new).figures(a.id(), a.code(), a.name(), year);
	}

	/** The total across units (co-handling counts are the number of co-unit assignments). */
	public Figures summary(int year) {
		Counter total = new Counter();
		count(year).values().forEach(total::add);
		return total.figures(null, null, "合计", year);
	}

	/** Years with motions, newest first. */
	public List<Integer> years() {
		return motions.years();
	}

	private Map<Long, Counter> count(int year) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Map<Long, Counter> counters = new LinkedHashMap<>();
		for (Motion m : motions.ofYear(year)) {
			counters.computeIfAbsent(m.leadUnit(), k -> new Counter()).lead(m, today);
		}
		for (long[] row : motions.coUnitCounts(year)) {
			Counter c = counters.computeIfAbsent(row[0], k -> new Counter());
			if (row[1] == MotionKind.SUGGESTION.ordinal()) {
				c.v[2] += (int) row[2];
			}
			else {
				c.v[3] += (int) row[2];
			}
		}
		return counters;
	}

	/** The figures in Figures' order (after the agency and the year). */
	private static final class Counter {

		final int[] v = new int[20];

		void lead(Motion m, LocalDate today) {
			v[m.kind() == MotionKind.SUGGESTION ? 0 : 1]++;
			if (m.firstRepliedOn() != null) {
				v[4]++;
				v[Boolean.TRUE.equals(m.firstReplyLate()) ? 6 : 5]++;
			}
			if (m.replyCategory() != null) {
				v[7 + m.replyCategory().ordinal()]++;
			}
			if (m.isPublic()) {
				v[m.publication() == MotionPublication.FULL ? 10 : 11]++;
				if (Boolean.TRUE.equals(m.publicationLate())) {
					v[14]++;
				}
			}
			else if (m.publication() == MotionPublication.NOT_PUBLISHED) {
				v[12]++;
			}
			else if (m.withdrawnAt() != null) {
				v[13]++;
			}
			if (m.feedback() != null) {
				v[15 + m.feedback().ordinal()]++;
			}
			if (m.status() == MotionStatus.CLOSED) {
				v[18]++;
			}
			if (m.overdue(today)) {
				v[19]++;
			}
		}

		void add(Counter other) {
			for (int i = 0; i < v.length; i++) {
				v[i] += other.v[i];
			}
		}

		Figures figures(Long agencyId, String code, String name, int year) {
			return new Figures(agencyId, code, name, year, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
					v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19]);
		}
	}
}
