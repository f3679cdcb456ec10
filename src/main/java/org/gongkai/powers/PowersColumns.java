package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumn;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.SitemapContributor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every agency's four columns of this module in its column navigation, and their addresses for the sitemap:
 * the power and responsibility list, services and guides, enforcement publicity (双公示 and 三项制度) and random
 * inspections. The column codes are reserved in the catalogue. Item pages add their own sitemap entries.
 */
@Component
@Order(40)
class PowersColumns implements AgencyColumns.Contributor, SitemapContributor {

	static final String POWERS = "powers";

	static final String SERVICES = "services";

	static final String ENFORCEMENT = "enforcement";

	static final String INSPECTIONS = "inspections";

	private final AgencyDirectory agencies;

	PowersColumns(AgencyDirectory agencies) {
		this.agencies = agencies;
	}

	/** The address of one of the agency's columns, e.g. {@code /agencies/yiyuan-fgj/powers/}. */
	static String path(Agency agency, String column) {
		return "/agencies/" + agency.code() + "/" + column + "/";
	}

	@Override
	public List<AgencyColumn> columns(long agencyId) {
		return List.of(new AgencyColumn(POWERS, "权责清单", "行政职权事项、责任事项和追责情形，以及清单调整记录"),
				new AgencyColumn(SERVICES, "办事服务", "公共服务事项、中介服务事项、收费目录、证明事项和办事指南"),
				new AgencyColumn(ENFORCEMENT, "行政执法公示", "执法事前公开和行政许可、行政处罚决定公示"),
				new AgencyColumn(INSPECTIONS, "双随机一公开", "随机抽查事项清单、抽查计划、抽取结果和检查结果"));
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		for (Agency a : agencies.active()) {
			for (String column : List.of(POWERS, SERVICES, ENFORCEMENT, INSPECTIONS)) {
				paths.add(path(a, column));
			}
		}
		return paths;
	}
}
