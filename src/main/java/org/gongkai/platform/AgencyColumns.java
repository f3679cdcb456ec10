package org.gongkai.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The agency column navigation, the same on every public page of an agency: the catalogue's level-one entries
 * first, then the columns other modules contribute, in the contributors' order.
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

	public List<AgencyColumn> of(long agencyId) {
		List<AgencyColumn> all = new ArrayList<>();
		contributors.orderedStream().forEach(c -> all.addAll(c.columns(agencyId)));
		return List.copyOf(all);
	}
}
