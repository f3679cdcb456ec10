package org.gongkai.publication;

import java.util.List;

import org.gongkai.platform.InvalidInputException.FieldProblem;

/**
 * A rule another module adds to an item's workflow without publication knowing the module: the
 * 三同步 rule of the interpretation module is one. Each gate is asked before an item is submitted and
 * before it is approved for publishing; any problem it names refuses the step with that message.
 * Gates only read: they must not change the item.
 */
public interface PublicationGate {

	/** What stops the item being sent for review (e.g. a missing interpretation plan). */
	default List<FieldProblem> beforeSubmit(Document document) {
		return List.of();
	}

	/** What stops the item being approved and published (e.g. missing interpretation material). */
	default List<FieldProblem> beforePublishing(Document document) {
		return List.of();
	}

	/** Lines for the item's console page: where the gate stands for this item and where to act on it. */
	default List<GateNote> consoleNotes(Document document) {
		return List.of();
	}

	/** One line on the item's console page; {@code satisfied} is false while the gate would refuse a step. */
	record GateNote(String text, String href, boolean satisfied) {
	}
}
