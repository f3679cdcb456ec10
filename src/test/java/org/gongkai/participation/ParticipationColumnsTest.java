package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The 公众参与 column's building blocks with four stand-in kinds: the kinds come in their order whatever the order they
 * were registered in; what refers to a record is shown in public only when that referring record is public; a typed
 * reference to a record that does not exist is a field error; the column asks every kind for the agency's records only
 * (or every agency's on the site-wide page) and links to the agency's lists; the sitemap lists the column's pages.
 */
class ParticipationColumnsTest {

	static final long FGJ = 7;

	static final long NYJ = 8;

	/** A kind holding fixed records; the column's questions to it are recorded. */
	static final class Kind implements ParticipationKind, Ordered {

		final String key;

		final String title;

		final int order;

		final List<ParticipationLink> records = new ArrayList<>();

		/** (referred kind, referred id) of each record, in the order of {@link #records}. */
		final List<String> refersTo = new ArrayList<>();

		final List<Long> askedFor = new ArrayList<>();

		Kind(String key, String title, int order) {
			this.key = key;
			this.title = title;
			this.order = order;
		}

		Kind add(long id, long agencyId, boolean isPublic, String refersTo) {
			records.add(new ParticipationLink(key, id, agencyId, title + id, "/participation/" + key + "s/" + id + "/", isPublic,
					isPublic ? "公开" : "草稿", null));
			this.refersTo.add(refersTo);
			return this;
		}

		@Override
		public int getOrder() {
			return order;
		}

		@Override
		public String kind() {
			return key;
		}

		@Override
		public String title() {
			return title;
		}

		@Override
		public String listPath(String agencyCode) {
			return "/participation/" + key + "s/" + (agencyCode == null ? "" : "?agency=" + agencyCode);
		}

		@Override
		public List<ParticipationLink> highlights(Long agencyId, int limit) {
			askedFor.add(agencyId);
			return records.stream()
				.filter(ParticipationLink::isPublic)
				.filter(l -> agencyId == null || l.agencyId() == agencyId)
				.limit(limit)
				.toList();
		}

		@Override
		public Optional<ParticipationLink> find(long id) {
			return records.stream().filter(l -> l.id() == id).findFirst();
		}

		@Override
		public List<ParticipationLink> linkable(long agencyId) {
			return records.stream().filter(l -> l.agencyId() == agencyId).toList();
		}

		@Override
		public List<ParticipationLink> referencing(String kind, long id) {
			List<ParticipationLink> out = new ArrayList<>();
			for (int i = 0; i < records.size(); i++) {
				if ((kind + ":" + id).equals(refersTo.get(i))) {
					out.add(records.get(i));
				}
			}
			return out;
		}
	}

	Kind decisions;

	Kind consultations;

	Kind polls;

	Kind meetings;

	ParticipationLinks links;

	AgencyAccess access;

	@AfterEach
	void clearActor() {
		SecurityContextHolder.clearContext();
	}

	/** An editor of the agency: the access rule grants the agency's records and nothing else. */
	Actor editorOf(long agencyId) {
		Actor actor = new Actor(agencyId * 100, "editor-" + agencyId, "编辑", agencyId,
				List.of(new RoleGrant(Role.EDITOR, agencyId, false)), Set.of(), false);
		when(access.allows(eq(actor), any(Long.class), any(Role[].class))).thenAnswer(i -> (long) i.getArgument(1) == agencyId);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
		return actor;
	}

	@BeforeEach
	void setUp() {
		decisions = new Kind("decision", "重大决策", 20).add(1, FGJ, true, null).add(2, FGJ, false, null);
		consultations = new Kind("consultation", "意见征集", 10).add(11, FGJ, true, "decision:1")
			.add(12, FGJ, false, "decision:1")
			.add(13, NYJ, true, null);
		polls = new Kind("poll", "民意调查", 30).add(21, FGJ, false, "decision:1").add(22, FGJ, true, "decision:1");
		meetings = new Kind("meeting", "会议公开", 40).add(31, FGJ, true, "decision:1").add(32, NYJ, true, "decision:2");
		DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
		factory.setDependencyComparator(AnnotationAwareOrderComparator.INSTANCE);
		// registered out of order on purpose
		factory.registerSingleton("meetings", meetings);
		factory.registerSingleton("polls", polls);
		factory.registerSingleton("decisions", decisions);
		factory.registerSingleton("consultations", consultations);
		access = mock(AgencyAccess.class);
		links = new ParticipationLinks(factory.getBeanProvider(ParticipationKind.class), access);
	}

	static Agency agency(long id, String code, String name) {
		return new Agency(id, code, name, name, AgencyLevel.COUNTY, AgencyType.DEPARTMENT, 1L, "/1/" + id + "/", null, null, 0, true, 0,
				Instant.EPOCH, Instant.EPOCH);
	}

	@Test
	void onlyPublicRecordsReferringToARecordAreShownInTheKindsOrder() {
		assertThat(links.kinds()).extracting(ParticipationKind::kind).containsExactly("consultation", "decision", "poll", "meeting");
		assertThat(links.referencing("decision", 1)).extracting(ParticipationLink::id).containsExactly(11L, 12L, 21L, 22L, 31L);
		assertThat(links.referencingPublic("decision", 1)).extracting(ParticipationLink::id).containsExactly(11L, 22L, 31L);
		assertThat(links.referencingPublic("decision", 2)).extracting(ParticipationLink::id).containsExactly(32L);
		assertThat(links.findPublic("consultation", 12)).isEmpty();
		assertThat(links.find("consultation", 12)).isPresent();
		assertThat(links.findPublic("decision", 1)).get().extracting(ParticipationLink::title).isEqualTo("重大决策1");
		assertThat(links.findPublic("nothing", 1)).isEmpty();
		// a draft may be referred to by staff of its agency; a record that does not exist may not
		editorOf(FGJ);
		assertThat(links.require("links", "consultation", 12).id()).isEqualTo(12);
		assertThat(links.findVisible("consultation", 12)).isPresent();
		assertThatThrownBy(() -> links.require("links", "consultation", 99)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("links"));
		assertThatThrownBy(() -> links.require("ref", "petition", 11)).isInstanceOf(InvalidInputException.class);
		// another agency's staff neither refer to the draft nor read its title; its public records stay open to them
		editorOf(NYJ);
		assertThat(links.findVisible("consultation", 12)).isEmpty();
		assertThatThrownBy(() -> links.require("links", "consultation", 12)).isInstanceOf(InvalidInputException.class);
		assertThat(links.require("links", "consultation", 11).id()).isEqualTo(11);
		// without an actor only public records resolve
		SecurityContextHolder.clearContext();
		assertThat(links.findVisible("consultation", 12)).isEmpty();
		assertThat(links.findVisible("consultation", 11)).isPresent();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theColumnAsksEachKindForTheAgencysPublicRecordsOnly() {
		AgencyDirectory agencies = mock(AgencyDirectory.class);
		AgencyColumns columns = mock(AgencyColumns.class);
		PageRenderer renderer = mock(PageRenderer.class);
		Agency fgj = agency(FGJ, "yiyuan-fgj", "沂源县发展和改革局");
		Agency nyj = agency(NYJ, "yiyuan-nyj", "沂源县农业农村局");
		when(agencies.active()).thenReturn(List.of(fgj, nyj));
		when(renderer.render(eq("participation/portal-home"), org.mockito.ArgumentMatchers.anyMap())).thenReturn("<html></html>");
		ParticipationColumns column = new ParticipationColumns(links, agencies, columns, renderer);

		column.page(fgj);
		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(renderer).render(eq("participation/portal-home"), model.capture());
		List<ParticipationColumns.Section> sections = (List<ParticipationColumns.Section>) model.getValue().get("sections");
		assertThat(sections).extracting(ParticipationColumns.Section::kind).containsExactly("consultation", "decision", "poll", "meeting");
		assertThat(sections).extracting(ParticipationColumns.Section::listPath)
			.containsExactly("/participation/consultations/?agency=yiyuan-fgj", "/participation/decisions/?agency=yiyuan-fgj",
					"/participation/polls/?agency=yiyuan-fgj", "/participation/meetings/?agency=yiyuan-fgj");
		assertThat(sections.stream().flatMap(s -> s.items().stream()).toList()).extracting(ParticipationLink::id)
			.containsExactly(11L, 1L, 22L, 31L);
		assertThat(model.getValue().get("agency")).isEqualTo(fgj);
		for (Kind k : List.of(decisions, consultations, polls, meetings)) {
			assertThat(k.askedFor).as(k.key).containsExactly(FGJ);
		}

		// site-wide: every agency's public records
		column.page(null);
		verify(renderer, org.mockito.Mockito.times(2)).render(eq("participation/portal-home"), model.capture());
		List<ParticipationColumns.Section> all = (List<ParticipationColumns.Section>) model.getValue().get("sections");
		assertThat(all.stream().flatMap(s -> s.items().stream()).toList()).extracting(ParticipationLink::id)
			.containsExactly(11L, 13L, 1L, 22L, 31L, 32L);
		assertThat(all.get(0).listPath()).isEqualTo("/participation/consultations/");

		assertThat(column.publicPaths()).containsExactly("/participation/", "/agencies/yiyuan-fgj/participation/",
				"/agencies/yiyuan-nyj/participation/");
	}
}
