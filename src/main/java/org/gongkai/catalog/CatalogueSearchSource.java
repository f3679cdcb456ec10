package org.gongkai.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The disclosure catalogue's nodes (公开目录栏目) for the site search: every node that has a public page, that is a
 * node not hidden, under no hidden node, of an agency that is not abolished. The title is the path from the
 * level-one entry down to the node; the text is the node's description, its time limit, its explanation when empty
 * and, for a 标准目录 entry, its ten fields. Nodes carry no date of their own: the agency's creation day stands for it.
 */
@Component
class CatalogueSearchSource implements SearchSource {

	static final String KIND = "catalogue";

	private final Catalog catalog;

	private final AgencyDirectory agencies;

	CatalogueSearchSource(Catalog catalog, AgencyDirectory agencies) {
		this.catalog = catalog;
		this.agencies = agencies;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "公开目录";
	}

	@Override
	public int order() {
		return 80;
	}

	/** The public address of a node (the guide's page is the portal's; every other node's is the publication's). */
	static String url(Agency agency, CatalogNode node) {
		return "/agencies/" + agency.code() + "/" + node.code() + "/";
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return catalog.nodeById(id).flatMap(node -> agencies.findById(node.agencyId())
			.filter(Agency::active)
			.flatMap(agency -> {
				List<CatalogNode> ancestry = catalog.ancestry(node);
				return ancestry.stream().anyMatch(CatalogNode::hidden) ? Optional.empty()
						: Optional.of(entry(agency, node, ancestry));
			}));
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (Agency agency : agencies.active()) {
			publicOf(agency).forEach(sink);
		}
	}

	/** Every node id of an agency, public or not: what to look at again when its catalogue or the agency changed. */
	List<Long> nodeIdsOf(long agencyId) {
		return catalog.tree(agencyId).stream().map(CatalogNode::id).toList();
	}

	/** The public nodes of one agency, read in one query and navigated in memory. */
	List<SearchEntry> publicOf(Agency agency) {
		List<CatalogNode> tree = catalog.tree(agency.id());
		Map<Long, CatalogNode> byId = new HashMap<>();
		tree.forEach(n -> byId.put(n.id(), n));
		List<SearchEntry> out = new ArrayList<>();
		for (CatalogNode node : tree) {
			List<CatalogNode> ancestry = new ArrayList<>();
			for (CatalogNode n = node; n != null; n = n.parentId() == null ? null : byId.get(n.parentId())) {
				ancestry.add(0, n);
			}
			if (ancestry.stream().noneMatch(CatalogNode::hidden)) {
				out.add(entry(agency, node, ancestry));
			}
		}
		return out;
	}

	private static SearchEntry entry(Agency agency, CatalogNode node, List<CatalogNode> ancestry) {
		StringJoiner title = new StringJoiner(" › ");
		ancestry.forEach(n -> title.add(n.title()));
		StringJoiner body = new StringJoiner(" ");
		add(body, node.description());
		add(body, node.timeLimitText() == null ? null : "公开时限：" + node.timeLimitText());
		add(body, node.emptyExplanation());
		StandardEntry e = node.entry();
		if (e != null) {
			add(body, e.itemLevel1());
			add(body, e.itemLevel2());
			add(body, e.content() == null ? null : "公开内容：" + e.content());
			add(body, e.basis().isEmpty() ? null : "公开依据：" + String.join("；", e.basis()));
			add(body, e.subject() == null ? null : "公开主体：" + e.subject());
			add(body, e.channels().isEmpty() ? null : "公开渠道和载体：" + String.join("、", e.channels()));
			add(body, e.audience() == null ? null : "公开对象：" + e.audience());
			add(body, "公开方式：" + e.methodLabel());
			add(body, e.levels().isEmpty() ? null : "公开层级：" + String.join("、", e.levels()));
		}
		LocalDate date = agency.createdAt().atZone(Zones.CHINA).toLocalDate();
		String keywords = agency.name() + " " + agency.displayName() + " 公开目录 " + node.code();
		return new SearchEntry(KIND, node.id(), agency.id(), url(agency, node), title.toString(), body.toString(), "", date,
				null, keywords, false);
	}

	private static void add(StringJoiner joiner, String text) {
		if (text != null && !text.isBlank()) {
			joiner.add(text.trim());
		}
	}
}
