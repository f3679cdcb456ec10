package org.gongkai.powers;

import java.util.List;

import org.gongkai.organisation.Agency;

/**
 * An agency's item beside the items with the same code at other levels (三级四同): each row tells which of name, type
 * and basis differ from the item's.
 */
public record PowerComparison(PowerItem item, Agency agency, List<Row> rows) {

	/** An item of another agency at another level with the same code. */
	public record Row(PowerItem item, Agency agency, boolean nameDiffers, boolean typeDiffers, boolean basisDiffers) {

		public boolean differs() {
			return nameDiffers || typeDiffers || basisDiffers;
		}
	}

	/** Whether any item at another level differs in name, type or basis. */
	public boolean differs() {
		return rows.stream().anyMatch(Row::differs);
	}
}
