package org.gongkai.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyChanged;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every agency its standard catalogue the moment it is created (in the same transaction), and
 * at start-up to any agency that has none: the four level-one entries of 国办公开办函〔2019〕61号, the
 * 法定主动公开内容 items of 条例 Art. 20 (and Art. 21 by level), the 五公开 tree, key areas, and for county
 * and township agencies the 基层 standard catalogue entries of their level. Agencies then add, reorder
 * and hide nodes themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CatalogSeeder implements ApplicationRunner {

	private final CatalogNodes nodes;

	private final AgencyDirectory agencies;

	private final TransactionTemplate transactions;

	private final CatalogData.Statutory statutory = CatalogData.read("statutory-content.json", CatalogData.Statutory.class);

	private final CatalogData.FivePublicAndKeyAreas fiveAndKey = CatalogData.read("five-public-and-key-areas.json",
			CatalogData.FivePublicAndKeyAreas.class);

	private final CatalogData.StandardAreas standardAreas = CatalogData.read("standard-areas.json",
			CatalogData.StandardAreas.class);

	CatalogSeeder(CatalogNodes nodes, AgencyDirectory agencies, TransactionTemplate transactions) {
		this.nodes = nodes;
		this.agencies = agencies;
		this.transactions = transactions;
	}

	@EventListener
	public void on(AgencyChanged event) {
		agencies.findById(event.agencyId()).ifPresent(this::seedIfMissing);
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> agencies.all().forEach(this::seedIfMissing));
	}

	void seedIfMissing(Agency agency) {
		if (nodes.hasNodes(agency.id())) {
			return;
		}
		Seeding s = new Seeding(agency.id());
		boolean government = agency.type() == AgencyType.PEOPLES_GOVERNMENT;
		s.add(null, NodeKind.GUIDE, Catalog.GUIDE, "政府信息公开指南",
				"政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等（条例第十二条）",
				"及时更新", TimeLimitRule.parse("STANDING"), null);
		s.add(null, NodeKind.RULES, Catalog.RULES, "政府信息公开制度", "本机关政府信息公开工作的规章制度", "及时更新",
				TimeLimitRule.parse("STANDING"), null);
		long root = s.add(null, NodeKind.STATUTORY, Catalog.STATUTORY, "法定主动公开内容",
				"依照条例第十九条至第二十一条应当主动公开的政府信息", "形成或者变更之日起20个工作日内", TimeLimitRule.ARTICLE_26, null);
		if (agency.level() != AgencyLevel.VILLAGE) {
			s.items(root, NodeKind.STATUTORY_ITEM, statutory.article20());
			if (agency.level() == AgencyLevel.CITY || agency.level() == AgencyLevel.COUNTY) {
				s.items(root, NodeKind.STATUTORY_ITEM, statutory.article21County());
			}
			if (agency.level() == AgencyLevel.TOWNSHIP && agency.type() != AgencyType.DEPARTMENT) {
				s.items(root, NodeKind.STATUTORY_ITEM, statutory.article21Township());
			}
			long five = s.add(root, NodeKind.FIVE_PUBLIC, "five-public", "五公开", "决策、执行、管理、服务、结果公开", null,
					TimeLimitRule.parse("STANDING"), null);
			s.items(five, NodeKind.FIVE_PUBLIC, fiveAndKey.fivePublic());
			long key = s.add(root, NodeKind.KEY_AREA, "key-areas", "重点领域信息公开", "重点领域信息公开", null,
					TimeLimitRule.parse("STANDING"), null);
			s.items(key, NodeKind.KEY_AREA, fiveAndKey.keyAreas());
		}
		if (agency.level() == AgencyLevel.COUNTY || agency.level() == AgencyLevel.TOWNSHIP) {
			String level = agency.level() == AgencyLevel.COUNTY ? "县级" : "乡级";
			long group = s.add(root, NodeKind.STANDARD_AREA, "standard", "基层政务公开标准目录",
					"按国办发〔2019〕54号编制的" + level + "政务公开事项标准目录", null, TimeLimitRule.parse("STANDING"), null);
			for (CatalogData.Area area : standardAreas.areas()) {
				List<CatalogData.Entry> entries = area.entries()
					.stream()
					.filter(e -> e.levels() == null || e.levels().isEmpty() || e.levels().stream().anyMatch(l -> l.startsWith(level.substring(0, 1))))
					.toList();
				if (entries.isEmpty()) {
					continue;
				}
				long areaId = s.add(group, NodeKind.STANDARD_AREA, area.code(), area.name(), area.name() + "领域基层政务公开标准目录",
						null, TimeLimitRule.parse("STANDING"), null);
				for (CatalogData.Entry e : entries) {
					String title = e.itemLevel2() == null || e.itemLevel2().isBlank() ? e.itemLevel1()
							: e.itemLevel1() + "：" + e.itemLevel2();
					s.add(areaId, NodeKind.STANDARD_ENTRY, area.code() + "-" + e.serial(), title, e.content(),
							e.timeLimit() == null ? null : e.timeLimit().text(),
							e.timeLimit() == null || e.timeLimit().rule() == null ? TimeLimitRule.ARTICLE_26 : e.timeLimit().rule().toRule(),
							new StandardEntry(e.serial(), e.itemLevel1(), e.itemLevel2(), e.content(), e.basis(), e.subject(),
									e.channels(), e.audience(), e.method(), e.levels()));
				}
			}
		}
		s.add(null, NodeKind.ANNUAL_REPORT, Catalog.ANNUAL_REPORTS, "政府信息公开工作年度报告",
				government ? "本级人民政府每年3月31日前公布上一年度政府信息公开工作年度报告（条例第四十九条）"
						: "本机关每年1月31日前向本级政府信息公开工作主管部门提交并公布上一年度年度报告（条例第四十九条）",
				government ? "每年3月31日前" : "每年1月31日前", TimeLimitRule.parse(government ? "ANNUAL:03-31" : "ANNUAL:01-31"),
				null);
		s.add(null, NodeKind.ON_REQUEST, Catalog.ON_REQUEST, "依申请公开目录",
				"依申请公开的政府信息目录（索引号、名称、日期），定期汇编公布；全文可依申请获取", "定期汇编", TimeLimitRule.parse("MONTHLY"),
				null);
	}

	/** Inserts nodes for one agency, skipping a code already used. */
	private final class Seeding {

		private final long agencyId;

		private final Set<String> codes = new HashSet<>();

		private int sort;

		Seeding(long agencyId) {
			this.agencyId = agencyId;
		}

		long add(Long parent, NodeKind kind, String code, String title, String description, String timeLimitText,
				TimeLimitRule rule, StandardEntry entry) {
			if (!codes.add(code)) {
				code = code + "-" + (sort + 1);
				codes.add(code);
			}
			sort += 10;
			return nodes.insert(new CatalogNode(0, agencyId, parent, kind, code, title, description, sort, false, null,
					timeLimitText, rule, entry));
		}

		void items(long parent, NodeKind kind, List<CatalogData.Item> items) {
			if (items == null) {
				return;
			}
			for (CatalogData.Item item : items) {
				TimeLimitRule rule = item.timeLimit() == null || item.timeLimit().rule() == null ? TimeLimitRule.ARTICLE_26
						: item.timeLimit().rule().toRule();
				long id = add(parent, kind, item.code(), item.title(), item.description(),
						item.timeLimit() == null ? null : item.timeLimit().text(), rule, null);
				items(id, kind, item.childrenOrEmpty());
			}
		}
	}
}
