package org.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.platform.Actors;
import org.gongkai.platform.SearchEntry;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Catalogue nodes as the site search sees them: those with a public page, under no hidden node, of an active agency. */
class CatalogueSearchSourceTest extends SearchSourcesContext {

	@Autowired
	CatalogueSearchSource source;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogManagement management;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AgencyManagement agencyManagement;

	@Test
	void aVisibleNodeIsFoundWithItsPathAndPublicAddress() {
		Agency fgj = agencies.requireByCode("yiyuan-fgj");
		CatalogNode node = catalog.requireNode(fgj.id(), "a20-01");

		SearchEntry entry = source.publicEntry(node.id()).orElseThrow();

		assertThat(entry.kind()).isEqualTo("catalogue");
		assertThat(entry.agencyId()).isEqualTo(fgj.id());
		assertThat(entry.url()).isEqualTo("/agencies/yiyuan-fgj/a20-01/");
		assertThat(entry.title()).isEqualTo(catalog.requireNode(fgj.id(), Catalog.STATUTORY).title() + " › 法规文件");
		// deeper nodes are reached from their column's page
		assertThat(source.publicEntry(catalog.requireNode(fgj.id(), "a20-01-02").id())).isEmpty();
		assertThat(entry.keywords()).contains("沂源县发展和改革局");
		assertThat(source.label()).isEqualTo("公开目录");
		assertThat(source.order()).isEqualTo(80);
	}

	@Test
	void hiddenNodesNodesUnderThemAndNodesOfAnAbolishedAgencyAreNotPublic() {
		Agency fgj = agencies.requireByCode("yiyuan-fgj");
		CatalogNode parent = Actors.callAsSystem(() -> management.addChild(fgj.id(), null, "search-hidden-test",
				new CatalogManagement.NodeDetails("临时栏目", "检索测试栏目", null, null, null, false)));
		CatalogNode child = Actors.callAsSystem(() -> management.addChild(fgj.id(), "search-hidden-test",
				"search-hidden-child", new CatalogManagement.NodeDetails("临时子栏目", null, null, null, null, false)));
		assertThat(source.publicEntry(child.id())).isPresent();
		Actors.callAsSystem(() -> management.update(parent.id(),
				new CatalogManagement.NodeDetails("临时栏目", "检索测试栏目", null, null, null, true)));

		assertThat(source.publicEntry(parent.id())).isEmpty();
		assertThat(source.publicEntry(child.id())).isEmpty();

		Agency abolished = Actors.callAsSystem(() -> agencyManagement.create(new NewAgency("search-cat-gone", "检索测试撤销单位",
				null, AgencyLevel.VILLAGE, AgencyType.OTHER, "yiyuan-lucun", null, "测试职能", 999)));
		CatalogNode guide = catalog.requireNode(abolished.id(), Catalog.GUIDE);
		assertThat(source.publicEntry(guide.id())).isPresent();
		Actors.callAsSystem(() -> agencyManagement.deactivate(abolished.id()));
		assertThat(source.publicEntry(guide.id())).isEmpty();

		List<Long> yielded = new ArrayList<>();
		source.forEachPublic(e -> yielded.add(e.id()));
		assertThat(yielded).doesNotHaveDuplicates()
			.contains(catalog.requireNode(fgj.id(), "a20-01").id())
			.doesNotContain(parent.id(), child.id(), guide.id());
		for (Long id : yielded.subList(0, Math.min(50, yielded.size()))) {
			assertThat(source.publicEntry(id)).isPresent();
		}
	}
}
