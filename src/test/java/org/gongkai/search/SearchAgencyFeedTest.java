package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.CreditCode;
import org.gongkai.organisation.AgencyType;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentDraft;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.ReviewChecks;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An abolished agency's records leave the index with it and come back when it is restored, although the module that
 * owns them publishes nothing per record: the search module reads them again on {@code AgencyActivationChanged}.
 */
class SearchAgencyFeedTest extends SearchSourcesContext {

	@Autowired
	AgencyManagement agencies;

	@Autowired
	DocumentManagement documents;

	@Autowired
	SearchEngine engine;

	@Autowired
	Clock clock;

	@Test
	void anAbolishedAgencysItemsLeaveTheIndexAndComeBackWhenItIsRestored() {
		Agency village = Actors.callAsSystem(() -> agencies.create(new NewAgency("search-feed-town", "检索测试撤销恢复镇",
				null, AgencyLevel.TOWNSHIP, AgencyType.PEOPLES_GOVERNMENT, "yiyuan",
				"11370323MB0000997" + CreditCode.checkCharacter("11370323MB0000997"), "测试职能", 997)));
		String word = "probe" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
		long id = publish(village.id(), "关于" + word + "道路硬化工程的公示");
		await().atMost(Duration.ofSeconds(10)).until(() -> found(word).contains(id));

		Actors.callAsSystem(() -> agencies.deactivate(village.id()));
		await().atMost(Duration.ofSeconds(10)).until(() -> found(word).isEmpty());
		assertThat(engine.keysOfAgency(village.id())).doesNotContainKey("document");

		Actors.callAsSystem(() -> agencies.reactivate(village.id()));
		await().atMost(Duration.ofSeconds(10)).until(() -> found(word).contains(id));
		assertThat(engine.keysOfAgency(village.id()).get("document")).containsExactly(id);
	}

	private List<Long> found(String word) {
		return engine.search(new PreparedQuery(word, List.of(word), List.of()), SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 20)
			.hits()
			.stream()
			.filter(h -> h.kind().equals("document"))
			.map(SearchHit::id)
			.toList();
	}

	private long publish(long agencyId, String title) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		as("village-editor", agencyId, Role.EDITOR);
		Document created = documents.createDraft(agencyId, new DocumentDraft(title, "摘要：" + title, "村务公示正文", "检索测试撤销恢复镇",
				"村发〔2026〕1号", today, today, "综合政务/政务公开", "通知", "检索测试", false, false, List.of("a20-01-03"),
				DisclosureAttribute.PROACTIVE, null, null, null, null, null));
		documents.submit(created.id());
		as("village-reviewer", agencyId, Role.REVIEWER);
		documents.review(created.id(), new ReviewChecks(true, true, true, true), "同意");
		as("village-leader", agencyId, Role.APPROVER);
		return documents.approve(created.id(), "同意").id();
	}
}
