package org.gongkai.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.platform.Actors;
import org.gongkai.platform.SearchEntry;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Agencies as the site search sees them: every agency with a public page, with what its page and guide show. */
class AgencySearchSourceTest extends SearchSourcesContext {

	@Autowired
	AgencySearchSource source;

	@Autowired
	AgencyDirectory directory;

	@Autowired
	AgencyManagement management;

	@Test
	void anActiveAgencyIsFoundWithItsFunctionsOfficeAndContacts() {
		Agency fgj = directory.requireByCode("yiyuan-fgj");
		DisclosureOffice office = directory.office(fgj.id());
		DisclosureContact contact = directory.contacts(fgj.id()).get(0);

		SearchEntry entry = source.publicEntry(fgj.id()).orElseThrow();

		assertThat(entry.kind()).isEqualTo("agency");
		assertThat(entry.agencyId()).isEqualTo(fgj.id());
		assertThat(entry.url()).isEqualTo("/agencies/yiyuan-fgj/");
		assertThat(entry.title()).isEqualTo("沂源县发展和改革局");
		assertThat(entry.body()).contains("拟订并组织实施全县国民经济和社会发展规划")
			.contains(office.address())
			.contains(office.officeHours())
			.contains(office.phone())
			.contains(contact.name())
			.contains(contact.phone());
		assertThat(entry.keywords()).contains("县发展改革局");
		assertThat(source.label()).isEqualTo("机构");
		assertThat(source.order()).isEqualTo(90);
	}

	@Test
	void anAbolishedAgencyIsNotPublicAndTheRebuildYieldsExactlyTheActiveOnes() {
		Agency gone = Actors.callAsSystem(() -> management.create(new NewAgency("search-agency-gone", "检索测试已撤销单位", null,
				AgencyLevel.VILLAGE, AgencyType.OTHER, "yiyuan-lucun", null, "测试职能", 998)));
		assertThat(source.publicEntry(gone.id())).isPresent();
		Actors.callAsSystem(() -> management.deactivate(gone.id()));

		assertThat(source.publicEntry(gone.id())).isEmpty();
		assertThat(source.publicEntry(Long.MAX_VALUE)).isEmpty();
		List<Long> yielded = new ArrayList<>();
		source.forEachPublic(e -> yielded.add(e.id()));
		assertThat(yielded).containsExactlyInAnyOrderElementsOf(directory.active().stream().map(Agency::id).toList())
			.doesNotContain(gone.id());
	}
}
