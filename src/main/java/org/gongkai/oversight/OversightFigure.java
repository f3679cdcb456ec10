package org.gongkai.oversight;

import java.util.List;

import org.gongkai.platform.CountedRecord;

/**
 * One figure of an agency's automatic inspection on a day, as an {@link OversightFigureSource} computed it from the
 * records.
 *
 * @param key the figure's key, as declared by its source's {@link FigureDefinition}
 * @param value the figure on the day (a count, or days for the freshness figures)
 * @param soon how many more items will count within the figure's warning lead (for example columns that reach their
 * window within the lead, or messages that reach three months unanswered); 0 when the figure has no lead
 * @param records the records behind the value (and behind {@code soon}, after them), for the reader to open
 */
public record OversightFigure(String key, long value, long soon, List<CountedRecord> records) {

	public OversightFigure {
		records = records == null ? List.of() : List.copyOf(records);
	}

	public static OversightFigure of(String key, long value) {
		return new OversightFigure(key, value, 0, List.of());
	}
}
