package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.CountedRecord;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figure of inspection findings: {@code rectification.overdue}, findings past their rectification deadline and
 * not passed on re-check ({@link OversightFindingRules}); {@code soon} counts those due within the next 3 days.
 */
@Component
@Transactional(readOnly = true)
public class OversightFindingFigures implements OversightFigureSource {

	public static final String OVERDUE = "rectification.overdue";

	/** The warning lead of the figure, in days. */
	static final int LEAD_DAYS = 3;

	private final OversightInspectionManagement inspections;

	OversightFindingFigures(OversightInspectionManagement inspections) {
		this.inspections = inspections;
	}

	@Override
	public List<FigureDefinition> definitions() {
		return List.of(new FigureDefinition(OVERDUE, "整改逾期问题", "个",
				"督查发现的问题超过整改期限（默认5个工作日）仍未报送整改情况或复查未通过后逾期的数量", 900));
	}

	@Override
	public List<OversightFigure> compute(Agency agency, LocalDate on) {
		List<CountedRecord> records = new ArrayList<>();
		List<OversightFinding> overdue = inspections.overdue(agency.id(), on);
		overdue.forEach(f -> records.add(record(f)));
		List<OversightFinding> soon = inspections.dueWithin(agency.id(), on, LEAD_DAYS);
		soon.forEach(f -> records.add(record(f)));
		return List.of(new OversightFigure(OVERDUE, overdue.size(), soon.size(), records));
	}

	private static CountedRecord record(OversightFinding f) {
		String title = f.problem().length() > 60 ? f.problem().substring(0, 60) + "…" : f.problem();
		return new CountedRecord("问题" + f.id(), title, f.dueOn(), "/console/oversight-inspections/findings/" + f.id());
	}
}
