package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.List;

import org.gongkai.organisation.Agency;

/**
 * A part of oversight that computes figures of the automatic inspection from records (the monitoring of the
 * published site, the work-plan tasks, training). The daily sweep asks every source for every active agency.
 */
public interface OversightFigureSource {

	/** The figures this source computes. */
	List<FigureDefinition> definitions();

	/**
	 * The figures of {@code agency} as they stand at the end of {@code on}: windows count back from {@code on}, yearly
	 * counts cover the calendar year of {@code on} up to {@code on}. One figure per definition.
	 */
	List<OversightFigure> compute(Agency agency, LocalDate on);
}
