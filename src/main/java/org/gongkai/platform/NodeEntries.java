package org.gongkai.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Entries other modules list on a catalogue column's public page, above the column's own documents: the annual
 * reports in the 年度报告 column, for example. Only public records may be contributed. When a module's entries of
 * a column change it publishes {@link NodeEntriesChanged} so that the column page is rewritten.
 */
@Component
public class NodeEntries {

	/** A module with records that belong in a catalogue column of an agency. */
	public interface Contributor {

		/** The public entries of the agency's column {@code nodeCode} (e.g. annual-reports), newest first. */
		List<NodeEntry> entries(long agencyId, String nodeCode);
	}

	/** One listed record: its title and public address, the date shown, a short note (its form, a correction). */
	public record NodeEntry(String title, String url, LocalDate date, String note) {
	}

	private final ObjectProvider<Contributor> contributors;

	NodeEntries(ObjectProvider<Contributor> contributors) {
		this.contributors = contributors;
	}

	/** Every contributor's entries of the column, in the contributors' order. */
	public List<NodeEntry> of(long agencyId, String nodeCode) {
		List<NodeEntry> all = new ArrayList<>();
		contributors.orderedStream().forEach(c -> all.addAll(c.entries(agencyId, nodeCode)));
		return List.copyOf(all);
	}
}
