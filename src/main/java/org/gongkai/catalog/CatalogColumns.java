package org.gongkai.catalog;

import java.util.List;

import org.gongkai.platform.AgencyColumn;
import org.gongkai.platform.AgencyColumns;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The catalogue's visible level-one entries: the first columns of every agency's navigation. */
@Component
@Order(0)
class CatalogColumns implements AgencyColumns.Contributor {

	private final Catalog catalog;

	CatalogColumns(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public List<AgencyColumn> columns(long agencyId) {
		return catalog.topLevel(agencyId).stream().filter(n -> !n.hidden())
			.map(n -> new AgencyColumn(n.code(), n.title(), n.description()))
			.toList();
	}
}
