package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.CountedRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training figures of the automatic inspection: {@code training.held} (sessions held in the calendar year of the
 * day, up to the day) and {@code training.shortfall} (planned sessions whose month is over, minus sessions held; see
 * {@link TrainingRules}), with the planned sessions due at the end of the current month as the warning lead.
 */
@Component
@Transactional(readOnly = true)
class TrainingFigures implements OversightFigureSource {

	static final String HELD = "training.held";

	static final String SHORTFALL = "training.shortfall";

	private final TrainingQueries queries;

	private final TrainingRecords records;

	TrainingFigures(TrainingQueries queries, TrainingRecords records) {
		this.queries = queries;
		this.records = records;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(
				new FigureDefinition(HELD, "年内已举办培训", "次", "本年度截至当日已登记的政务公开培训场次（计划不少于2次，见各单位年度培训计划）", 900),
				new FigureDefinition(SHORTFALL, "培训落后于计划", "次",
						"年度培训计划中计划月份已过的场次减去本年度已举办的场次；未制定计划的单位不计（在培训情况总览中另行列明）", 901));
	}

	@Override
	public List<OversightFigure> compute(Agency agency, LocalDate on) {
		TrainingQueries.YearCheck c = queries.compute(agency, on.getYear(), on);
		List<CountedRecord> held = new ArrayList<>();
		for (TrainingSession s : records.sessions(agency.id(), LocalDate.of(on.getYear(), 1, 1), on)) {
			held.add(new CountedRecord("培训记录", s.topic(), s.heldOn(), "/console/training/sessions/" + s.id()));
		}
		List<CountedRecord> missing = new ArrayList<>();
		if (c.plan() != null && c.shortfall() > 0) {
			for (TrainingPlan.Item i : queries.dueUnmatched(c.plan(), on)) {
				missing.add(new CountedRecord("培训计划" + i.month() + "月", i.topic(),
						LocalDate.of(on.getYear(), i.month(), 1).withDayOfMonth(LocalDate.of(on.getYear(), i.month(), 1).lengthOfMonth()),
						"/console/training?agency=" + agency.code() + "&year=" + on.getYear()));
			}
		}
		return List.of(new OversightFigure(HELD, c.held(), 0, held), new OversightFigure(SHORTFALL, c.shortfall(), c.soon(), missing));
	}
}
