package org.gongkai.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Role;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.Zones;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentDraft;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.ReviewChecks;
import org.gongkai.testing.SearchSourcesContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Interpretations and responses to public concern as the site search sees them: only published ones (an
 * interpretation also only while its policy is public), with the text their pages show.
 */
class InterpretationSearchSourceTest extends SearchSourcesContext {

	@Autowired
	InterpretationSearchSource interpretationSource;

	@Autowired
	ConcernSearchSource concernSource;

	@Autowired
	InterpretationManagement interpretations;

	@Autowired
	ConcernManagement concerns;

	@Autowired
	DocumentManagement documents;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long fgj;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
	}

	@Test
	void aPublishedInterpretationIsFoundWithItsSectionsAndQuestions() {
		Document policy = publishedPolicy("关于支持重点建设项目加快推进的若干措施");
		Interpretation published = publishInterpretation(policy.id(), "《关于支持重点建设项目加快推进的若干措施》解读");

		SearchEntry entry = interpretationSource.publicEntry(published.id()).orElseThrow();

		assertThat(entry.kind()).isEqualTo("interpretation");
		assertThat(entry.agencyId()).isEqualTo(fgj);
		assertThat(entry.url()).isEqualTo("/agencies/yiyuan-fgj/interpretations/" + published.id() + "/");
		assertThat(entry.title()).isEqualTo("《关于支持重点建设项目加快推进的若干措施》解读");
		assertThat(entry.body()).contains("解读正文第一段").contains("背景依据").contains("为支持项目建设")
			.contains("哪些项目可以申请？").contains("纳入县重点建设项目名单的项目").doesNotContain("<p>");
		assertThat(entry.keywords()).contains("文字解读").contains("赵明");
		assertThat(entry.theme()).isEqualTo("国民经济管理、国有资产监管");
		assertThat(entry.date()).isEqualTo(published.publishedOn());
		assertThat(interpretationSource.label()).isEqualTo("政策解读");
		assertThat(interpretationSource.order()).isEqualTo(20);
	}

	@Test
	void draftsWithdrawnInterpretationsAndThoseOfAWithdrawnPolicyAreNotPublic() {
		Document policy = publishedPolicy("关于优化项目审批服务的通知");
		Interpretation draft = draftInterpretation(policy.id(), "尚未提交的解读");
		Interpretation withdrawn = publishInterpretation(policy.id(), "发布后撤回的解读");
		as("fgj-leader", fgj, Role.APPROVER);
		interpretations.withdraw(withdrawn.id(), "解读有误，撤回");
		Document other = publishedPolicy("随后撤回的政策文件");
		Interpretation ofWithdrawnPolicy = publishInterpretation(other.id(), "所解读文件被撤回的解读");
		assertThat(interpretationSource.publicEntry(ofWithdrawnPolicy.id())).isPresent();
		as("fgj-leader", fgj, Role.APPROVER);
		documents.withdraw(other.id(), "文件撤回");

		assertThat(interpretationSource.publicEntry(draft.id())).isEmpty();
		assertThat(interpretationSource.publicEntry(withdrawn.id())).isEmpty();
		assertThat(interpretationSource.publicEntry(ofWithdrawnPolicy.id())).isEmpty();
		assertThat(interpretationSource.publicEntry(Long.MAX_VALUE)).isEmpty();

		List<Long> yielded = new ArrayList<>();
		interpretationSource.forEachPublic(e -> yielded.add(e.id()));
		Set<Long> published = new HashSet<>(jdbc
			.sql("SELECT id FROM int_interpretation WHERE status = 'PUBLISHED' AND documents_public = TRUE")
			.query(Long.class)
			.list());
		assertThat(yielded).doesNotHaveDuplicates().doesNotContain(draft.id(), withdrawn.id(), ofWithdrawnPolicy.id());
		assertThat(published).containsAll(yielded);
		Interpretation live = publishInterpretation(policy.id(), "全量重建应包含的解读");
		List<Long> again = new ArrayList<>();
		interpretationSource.forEachPublic(e -> again.add(e.id()));
		assertThat(again).contains(live.id());
	}

	@Test
	void onlyPublishedResponsesToPublicConcernArePublic() {
		as("fgj-editor", fgj, Role.EDITOR);
		ConcernTopic topic = concerns.recordTopic(fgj, new ConcernManagement.TopicDraft("群众关注县城集中供暖价格调整", ConcernTopic.Source.MESSAGE,
				null, "多名网民留言询问供暖价格是否上调", LocalDateTime.now(clock.withZone(Zones.CHINA)).minusHours(5), List.of()));
		ConcernResponse published = concerns.draftResponse(topic.id(), "关于县城集中供暖价格的回应", "<p>今年供暖价格<b>不作调整</b>，仍执行现行标准。</p>", "政府网站");
		ConcernResponse draft = concerns.draftResponse(topic.id(), "尚未发布的回应", "草稿", null);
		ConcernResponse withdrawn = concerns.draftResponse(topic.id(), "发布后撤回的回应", "撤回正文", null);
		as("fgj-leader", fgj, Role.APPROVER);
		concerns.publishResponse(published.id());
		concerns.publishResponse(withdrawn.id());
		concerns.withdrawResponse(withdrawn.id(), "回应内容需要更正");

		SearchEntry entry = concernSource.publicEntry(published.id()).orElseThrow();
		assertThat(entry.kind()).isEqualTo("concern");
		assertThat(entry.url()).isEqualTo("/agencies/yiyuan-fgj/concerns/" + published.id() + "/");
		assertThat(entry.body()).isEqualTo("今年供暖价格不作调整，仍执行现行标准。");
		assertThat(entry.keywords()).contains("群众关注县城集中供暖价格调整").doesNotContain("多名网民留言");
		assertThat(concernSource.publicEntry(draft.id())).isEmpty();
		assertThat(concernSource.publicEntry(withdrawn.id())).isEmpty();

		List<Long> yielded = new ArrayList<>();
		concernSource.forEachPublic(e -> yielded.add(e.id()));
		Set<Long> expected = new HashSet<>(jdbc.sql("SELECT id FROM int_response WHERE status = 'PUBLISHED'").query(Long.class).list());
		assertThat(yielded).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected).contains(published.id());
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private Document publishedPolicy(String title) {
		as("fgj-editor", fgj, Role.EDITOR);
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Document doc = documents.createDraft(fgj, new DocumentDraft(title, null, "<p>政策正文</p>", "沂源县发展和改革局", null, today,
				today, "国民经济管理、国有资产监管/重大建设项目", "通知", null, false, false, List.of("a20-01"),
				DisclosureAttribute.PROACTIVE, null, null, null, null, null));
		documents.submit(doc.id());
		as("fgj-reviewer", fgj, Role.REVIEWER);
		documents.review(doc.id(), new ReviewChecks(true, true, true, true), null);
		as("fgj-leader", fgj, Role.APPROVER);
		return documents.approve(doc.id(), null);
	}

	private Interpretation draftInterpretation(long documentId, String title) {
		as("fgj-editor", fgj, Role.EDITOR);
		return interpretations.create(fgj, new InterpretationDraft(title, InterpretationForm.TEXT, null, "<p>解读正文第一段</p>",
				"国民经济管理、国有资产监管/重大建设项目", null, "赵明", "局长", false, false, null, null, null, null, null, null,
				null, null, null, List.of(documentId), Map.of(InterpretationSection.BACKGROUND, "为支持项目建设，制定本措施。"),
				List.of(new Interpretation.QaPair("哪些项目可以申请？", "纳入县重点建设项目名单的项目。"))));
	}

	private Interpretation publishInterpretation(long documentId, String title) {
		Interpretation i = draftInterpretation(documentId, title);
		interpretations.submit(i.id());
		as("fgj-leader", fgj, Role.APPROVER);
		return interpretations.approve(i.id(), null);
	}
}
