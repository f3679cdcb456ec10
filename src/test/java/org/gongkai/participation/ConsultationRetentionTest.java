package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The retention period of commenters' personal data, with a clock the test moves: names and contacts are kept until
 * three years after the consultation is finished (feedback published, or withdrawn) and erased the day after; a
 * consultation not finished keeps them; the comments' content, their moderation and the adoption feedback stay.
 */
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@DirtiesContext
@Import(MovableClock.Config.class)
class ConsultationRetentionTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-consultation-retention-");
	}

	static final LocalDate OPENS = LocalDate.of(2026, 3, 10);

	static final LocalDate CLOSES = LocalDate.of(2026, 4, 8);

	static final String DRAFT = "沂源县城市公共停车场管理办法（征求意见稿）\n第一条 为加强城市公共停车场管理，制定本办法。\n第二条 本办法适用于本县城区。";

	@Autowired
	ConsultationManagement management;

	@Autowired
	ConsultationRetention retention;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@BeforeEach
	void setUp() {
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		Actor actor = new Actor(fgj * 100, "editor-fgj", "editor-fgj", fgj, List.of(new RoleGrant(Role.EDITOR, fgj, false)), Set.of(),
				false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	Consultation published(String title) {
		Consultation c = management.create(new ConsultationInput("yiyuan-fgj", title, DRAFT, "《中华人民共和国价格法》", "为规范停车秩序，起草了本办法。",
				OPENS, CLOSES, null, "fgj@example.cn", null, null, null, null, ConsultationFieldRule.OPTIONAL,
				ConsultationFieldRule.OPTIONAL, true, null));
		return management.publish(c.id());
	}

	Map<String, Object> row(long commentId) {
		return jdbc.sql("SELECT commenter_name, commenter_contact, content, status, feedback_id FROM pt_consultation_comment WHERE id = ?")
			.param(commentId)
			.query()
			.singleRow();
	}

	@Test
	void namesAndContactsAreErasedThreeYearsAfterTheConsultationIsFinished() {
		clock.at(LocalDate.of(2026, 3, 2), 10, 0);
		Consultation answered = published("停车场管理办法征求意见（将公布反馈）");
		Consultation withdrawn = published("停车场管理办法征求意见（将撤回）");
		Consultation unfinished = published("停车场管理办法征求意见（未反馈）");

		clock.at(LocalDate.of(2026, 3, 15), 10, 0);
		Comment a = management.comment(answered.id(), new CommentInput(1, "建议夜间停车免费。", "李四", "13900001234"), "WEB");
		Comment w = management.comment(withdrawn.id(), new CommentInput(null, "建议增加残疾人车位。", "王五", "wang@example.cn"), "WEB");
		Comment u = management.comment(unfinished.id(), new CommentInput(2, "建议扩大适用范围。", "赵六", "13700001111"), "WEB");

		// withdrawn on 20 March 2026
		clock.at(LocalDate.of(2026, 3, 20), 10, 0);
		management.withdraw(withdrawn.id(), "决策事项调整");

		// the period ends; the feedback is published on 10 April 2026
		clock.at(LocalDate.of(2026, 4, 10), 10, 0);
		management.accept(a.id());
		management.accept(u.id());
		AdoptionFeedback feedback = management.answer(answered.id(), List.of(a.id()), null, AdoptionFeedbackOutcome.ADOPTED, null);
		management.saveSummary(answered.id(), "增加夜间免费停车的规定。");
		management.publishFeedback(answered.id());

		// the last day of the three years after the withdrawal: everything kept
		LocalDate withdrawnOn = LocalDate.of(2026, 3, 20);
		clock.at(withdrawnOn.plusDays(ConsultationRetention.RETENTION_DAYS), 23, 0);
		assertThat(retention.purge()).isZero();
		assertThat(row(w.id())).containsEntry("commenter_name", "王五").containsEntry("commenter_contact", "wang@example.cn");

		// the day after: the withdrawn consultation's commenter is erased, the others are kept
		clock.at(withdrawnOn.plusDays(ConsultationRetention.RETENTION_DAYS + 1), 2, 0);
		assertThat(retention.purge()).isEqualTo(1);
		assertThat(row(w.id())).containsEntry("commenter_name", null)
			.containsEntry("commenter_contact", null)
			.containsEntry("content", "建议增加残疾人车位。");
		assertThat(row(a.id())).containsEntry("commenter_name", "李四").containsEntry("commenter_contact", "13900001234");

		// three years after the feedback was published
		LocalDate feedbackOn = LocalDate.of(2026, 4, 10);
		clock.at(feedbackOn.plusDays(ConsultationRetention.RETENTION_DAYS), 23, 0);
		assertThat(retention.purge()).isZero();
		assertThat(row(a.id())).containsEntry("commenter_name", "李四");
		clock.at(feedbackOn.plusDays(ConsultationRetention.RETENTION_DAYS + 1), 2, 0);
		assertThat(retention.purge()).isEqualTo(1);
		Map<String, Object> erased = row(a.id());
		assertThat(erased).containsEntry("commenter_name", null)
			.containsEntry("commenter_contact", null)
			.containsEntry("content", "建议夜间停车免费。")
			.containsEntry("status", "ACCEPTED");
		assertThat(((Number) erased.get("feedback_id")).longValue()).isEqualTo(feedback.id());
		assertThat(jdbc.sql("SELECT outcome FROM pt_consultation_feedback WHERE id = ?").param(feedback.id()).query(String.class).single())
			.isEqualTo("ADOPTED");
		assertThat(jdbc.sql("SELECT main_changes FROM pt_consultation WHERE id = ?").param(answered.id()).query(String.class).single())
			.isEqualTo("增加夜间免费停车的规定。");

		// a consultation closed but never answered is not finished: its commenters are kept
		clock.at(feedbackOn.plusYears(10), 10, 0);
		assertThat(retention.purge()).isZero();
		assertThat(row(u.id())).containsEntry("commenter_name", "赵六").containsEntry("commenter_contact", "13700001111");
		// run again: nothing left to erase
		assertThat(retention.purge()).isZero();
	}
}
