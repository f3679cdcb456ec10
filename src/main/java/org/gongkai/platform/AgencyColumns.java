package org.gongkai.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The agency column navigation, the same on every public page of an agency: the catalogue's entries the page
 * passes in, followed by the columns that modules contribute.
 */
@Component
public class AgencyColumns {

	/** A module with per-agency public columns of its own. */
	public interface Contributor {

		List<AgencyColumn> columns(long agencyId);
	}

	private final ObjectProvider<Contributor> contributors;

	AgencyColumns(ObjectProvider<Contributor> contributors) {
		this.contributors = contributors;
	}

	public List<AgencyColumn> of(long agencyId, List<AgencyColumn> catalogueEntries) {
		List<AgencyColumn> all = new ArrayList<>(catalogueEntries);
		contributors.orderedStream().forEach(c -> all.addAll(c.columns(agencyId)));
		return List.copyOf(all);
	}
}
