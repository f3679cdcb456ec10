package org.gongkai.interpretation;

import java.util.List;

import org.gongkai.platform.AgencyColumn;
import org.gongkai.platform.AgencyColumns;
import org.springframework.stereotype.Component;

/** Every agency's 政策解读 and 回应关切 columns, in its column navigation after the catalogue's entries. */
@Component
@org.springframework.core.annotation.Order(10)
class InterpretationColumns implements AgencyColumns.Contributor {

	@Override
	public List<AgencyColumn> columns(long agencyId) {
		return List.of(
				new AgencyColumn(InterpretationPaths.COLUMN, "政策解读", "规章、行政规范性文件和重要政策的解读，与文件同步发布"),
				new AgencyColumn(InterpretationPaths.CONCERN_COLUMN, "回应关切", "对社会关切和热点问题的回应，注明发现时间和回应用时"));
	}
}
