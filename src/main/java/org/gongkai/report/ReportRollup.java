package org.gongkai.report;

import java.util.List;

import org.springframework.stereotype.Service;

/** The supervisor's roll-up of a report year across the agencies it supervises. */
@Service
public class ReportRollup {

	public List<RollupRow> status(int year) {
		return List.of();
	}

	public ReportCells summary(int year) {
		return ReportCells.empty();
	}
}
