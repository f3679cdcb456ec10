package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rules of polls on H2 with the demo county and a clock the test moves: one answer per person kept by a
 * fingerprint and the database's unique constraint (also under two concurrent submissions), polls independent of
 * each other, the questions' rules, the period, the results and their visibility, free text never public, drafts
 * and withdrawn polls never public, and the questionnaire frozen once published.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class PollManagementTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("gongkai-polls-").toString();
		registry.add("gongkai.data-dir", () -> dataDir);
		MovableClock.startsAt(registry, LocalDate.of(2026, 6, 1).atTime(10, 0));
	}

	static String dataDir;

	static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

	static final String MOBILE = "13800138000";

	@Autowired
	PollManagement management;

	@Autowired
	PollQueries queries;

	@Autowired
	PollKind kind;

	@Autowired
	PollSitemap sitemap;

	@Autowired
	PollRules rules;

	@Autowired
	PollRetention retention;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void today() {
		clock.today(JUNE_1);
	}

	@AfterEach
	void clearActor() {
		SecurityContextHolder.clearContext();
	}

	// ---- one answer per person ------------------------------------------------------------------------------

	@Test
	void eachPersonAnswersOnceAndOnlyAFingerprintIsKept() {
		Survey s = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		management.answer(s.id, s.answer("138 0013 8000", 0, List.of(0, 1), "建议增加社区养老服务点"), "WEB");
		// the same number written differently is the same person
		assertThatThrownBy(() -> management.answer(s.id, s.answer("+86 138-0013-8000", 1, List.of(1, 2), null), "API"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("已参与过本次调查", "每个号码只能提交一次");
			});
		assertThat(participants(s.id)).isEqualTo(1);

		// another poll does not know the first one's respondents
		Survey other = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		management.answer(other.id, other.answer(MOBILE, 1, List.of(), null), "WEB");
		assertThat(participants(other.id)).isEqualTo(1);

		// the number is nowhere: the fingerprints are in their own table, the answers carry none (they cannot be
		// joined to a person), and the key is not in the database but in the data directory
		assertThat(columns("PT_POLL_RESPONSE")).isNotEmpty().doesNotContain("VOTER_HASH");
		assertThat(columns("PT_POLL_SECRET")).isEmpty();
		assertThat(columns("PT_POLL_VOTER")).containsExactlyInAnyOrder("POLL_ID", "VOTER_HASH");
		String hash = jdbc.sql("SELECT voter_hash FROM pt_poll_voter WHERE poll_id = ?").param(s.id).query(String.class).single();
		String otherHash = jdbc.sql("SELECT voter_hash FROM pt_poll_voter WHERE poll_id = ?").param(other.id).query(String.class).single();
		assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(otherHash);
		assertThat(hash).isEqualTo(PollRules.fingerprint(rules.secret(), s.id, MOBILE));
		assertThat(Files.exists(Path.of(dataDir, "keys", "poll-fingerprint.key"))).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE summary LIKE ? OR before_state LIKE ? OR after_state LIKE ?")
			.params("%" + MOBILE + "%", "%" + MOBILE + "%", "%" + MOBILE + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'poll.answered' AND subject_id = ?")
			.param(String.valueOf(s.id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(events.stream(PublicPollChanged.class).filter(e -> e.pollId() == s.id && e.answersOnly())).hasSize(1);

		// the database itself refuses a second row with the same fingerprint
		assertThatThrownBy(() -> jdbc
			.sql("INSERT INTO pt_poll_voter (poll_id, voter_hash) VALUES (?, ?)")
			.params(s.id, hash)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void twoConcurrentAnswersWithTheSameIdentityLeaveOne() throws Exception {
		Survey s = openSurvey(PollIdentityRule.RESIDENT_ID, PollResultsVisibility.LIVE);
		String id = withCheckDigit("37032319850612003");
		for (int round = 0; round < 3; round++) {
			String person = round == 0 ? id : withCheckDigit("3703231985061200" + round);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<Long>> results = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				int option = t;
				results.add(pool.submit(() -> {
					start.await();
					return management.answer(s.id, s.answer(person.toLowerCase(), option, List.of(), null), "API");
				}));
			}
			start.countDown();
			int ok = 0;
			int refused = 0;
			for (Future<Long> f : results) {
				try {
					f.get();
					ok++;
				}
				catch (java.util.concurrent.ExecutionException e) {
					assertThat(e.getCause()).isInstanceOfSatisfying(DomainException.class, d -> {
						assertThat(d.status()).isEqualTo(409);
						assertThat(d.getMessage()).contains("已参与过本次调查");
					});
					refused++;
				}
			}
			pool.shutdown();
			assertThat(ok).isEqualTo(1);
			assertThat(refused).isEqualTo(1);
			assertThat(participants(s.id)).isEqualTo(round + 1);
		}
	}

	@Test
	void anIdentityMustBeWellFormed() {
		Survey phone = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		assertFields(() -> management.answer(phone.id, phone.answer("12345", 0, List.of(), null), "WEB"), "identity");
		assertFields(() -> management.answer(phone.id, phone.answer("", 0, List.of(), null), "WEB"), "identity");
		Survey id = openSurvey(PollIdentityRule.RESIDENT_ID, PollResultsVisibility.AFTER_CLOSE);
		String valid = withCheckDigit("11010519491231002");
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
		assertFields(() -> management.answer(id.id, id.answer(wrongCheck, 0, List.of(), null), "WEB"), "identity");
		assertFields(() -> management.answer(id.id, id.answer(MOBILE, 0, List.of(), null), "WEB"), "identity");
		assertThat(participants(phone.id) + participants(id.id)).isZero();
	}

	// ---- the questions' rules ---------------------------------------------------------------------------------

	@Test
	void answersFollowEachQuestionsRulesAndNothingIsHalfSaved() {
		Survey s = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		// the required single-choice question unanswered, too few and too many options ticked, text too long
		assertFields(() -> management.answer(s.id, new PollAnswer("13900000001", Map.of(s.multiple, List.of(s.multipleOptions.get(0))),
				Map.of(s.text, "很".repeat(101))), "WEB"), "q" + s.single, "q" + s.multiple, "q" + s.text);
		assertFields(() -> management.answer(s.id, new PollAnswer("13900000001",
				Map.of(s.single, List.of(s.singleOptions.get(0)), s.multiple, s.multipleOptions), Map.of()), "WEB"), "q" + s.multiple);
		// two options of a single-choice question, an option of another question, a question of another poll
		assertFields(() -> management.answer(s.id, new PollAnswer("13900000001", Map.of(s.single, s.singleOptions), Map.of()), "WEB"),
				"q" + s.single);
		assertFields(() -> management.answer(s.id, new PollAnswer("13900000001", Map.of(s.single, List.of(s.multipleOptions.get(0))),
				Map.of()), "WEB"), "q" + s.single);
		Survey other = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		assertFields(() -> management.answer(s.id, new PollAnswer("13900000001",
				Map.of(s.single, List.of(s.singleOptions.get(0)), other.single, List.of(other.singleOptions.get(0))), Map.of()), "WEB"),
				"q" + other.single);
		assertThat(participants(s.id)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_poll_response WHERE poll_id = ?").param(s.id).query(Long.class).single()).isZero();

		// optional questions may be left out; exactly within min and max is fine
		management.answer(s.id, new PollAnswer("13900000001", Map.of(s.single, List.of(s.singleOptions.get(1))), Map.of()), "WEB");
		management.answer(s.id, new PollAnswer("13900000002", Map.of(s.single, List.of(s.singleOptions.get(0)),
				s.multiple, s.multipleOptions.subList(0, 3)), Map.of(s.text, "很".repeat(100))), "WEB");
		assertThat(participants(s.id)).isEqualTo(2);
	}

	// ---- the period ---------------------------------------------------------------------------------------

	@Test
	void answersAreTakenOnlyOnTheDaysOfThePoll() {
		Survey s = survey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, JUNE_1.plusDays(2), JUNE_1.plusDays(4));
		PollAnswer a = s.answer(MOBILE, 0, List.of(), null);
		// a draft is not there at all
		assertThatThrownBy(() -> management.answer(s.id, a, "WEB")).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.status()).isEqualTo(404));
		asEditor(() -> management.publish(s.id));
		assertThat(queries.publicPoll(s.id)).get().extracting(v -> v.status()).isEqualTo(PollStatus.NOT_STARTED);
		assertConflict(() -> management.answer(s.id, a, "WEB"), "尚未开始");
		clock.today(JUNE_1.plusDays(2));
		management.answer(s.id, s.answer("13900000011", 0, List.of(), null), "WEB");
		clock.today(JUNE_1.plusDays(4));
		assertThat(queries.publicPoll(s.id).orElseThrow().status()).isEqualTo(PollStatus.OPEN);
		management.answer(s.id, s.answer("13900000012", 0, List.of(), null), "WEB");
		clock.today(JUNE_1.plusDays(5));
		assertThat(queries.publicPoll(s.id).orElseThrow().status()).isEqualTo(PollStatus.CLOSED);
		assertConflict(() -> management.answer(s.id, a, "WEB"), "已经结束");

		// closing early ends it the same day
		Survey early = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		asEditor(() -> management.closeEarly(early.id));
		assertConflict(() -> management.answer(early.id, early.answer(MOBILE, 0, List.of(), null), "WEB"), "已经结束");
		assertConflict(() -> asEditor(() -> management.closeEarly(early.id)), "提前结束");
	}

	// ---- results -------------------------------------------------------------------------------------------

	@Test
	void resultsCountEachOptionWithItsShareAndNeverPublishFreeText() {
		Survey s = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		management.answer(s.id, s.answer("13900000021", 0, List.of(0, 1), "家住13812345678，希望延长服务时间"), "WEB");
		management.answer(s.id, s.answer("13900000022", 0, List.of(1, 2), null), "WEB");
		management.answer(s.id, s.answer("13900000023", 1, List.of(), "增加上门服务"), "API");

		// while open, results after closing are not public; the number of participants is
		PollQueries.PollView open = queries.publicPoll(s.id).orElseThrow();
		assertThat(open.results()).isNull();
		assertThat(open.participants()).isEqualTo(3);

		clock.today(JUNE_1.plusDays(8));
		PollResults r = queries.publicPoll(s.id).orElseThrow().results();
		assertThat(r.participants()).isEqualTo(3);
		PollResults.QuestionResult single = r.questions().get(0);
		assertThat(single.options()).extracting(PollResults.OptionResult::count).containsExactly(2L, 1L, 0L);
		assertThat(single.options()).extracting(PollResults.OptionResult::percentText).containsExactly("66.7%", "33.3%", "0.0%");
		assertThat(single.answered()).isEqualTo(3);
		PollResults.QuestionResult multiple = r.questions().get(1);
		assertThat(multiple.options()).extracting(PollResults.OptionResult::count).containsExactly(1L, 2L, 1L, 0L);
		assertThat(multiple.answered()).isEqualTo(2);
		PollResults.QuestionResult text = r.questions().get(2);
		assertThat(text.answered()).isEqualTo(2);
		assertThat(text.options()).isEmpty();
		// nothing in the public view carries the texts
		assertThat(queries.publicPoll(s.id).orElseThrow().toString()).doesNotContain("延长服务时间", "增加上门服务");

		// staff read them, masked
		List<PollQueries.StaffText> texts = asEditor(() -> queries.texts(s.id));
		assertThat(texts).extracting(PollQueries.StaffText::masked)
			.containsExactly("家住138****5678，希望延长服务时间", "增加上门服务");
		// another agency's editor does not
		assertThatThrownBy(() -> as("nyj-editor", Role.EDITOR, "yiyuan-nyj", () -> queries.texts(s.id)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void resultsAreVisibleLiveOrNeverAsChosen() {
		Survey live = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.LIVE);
		management.answer(live.id, live.answer(MOBILE, 2, List.of(), null), "WEB");
		assertThat(queries.publicPoll(live.id).orElseThrow().results().questions().get(0).options().get(2).count()).isEqualTo(1);

		Survey withheld = survey(PollIdentityRule.MOBILE, PollResultsVisibility.WITHHELD, JUNE_1, JUNE_1.plusDays(7));
		asEditor(() -> management.publish(withheld.id));
		management.answer(withheld.id, withheld.answer(MOBILE, 0, List.of(), null), "WEB");
		clock.today(JUNE_1.plusDays(30));
		PollQueries.PollView v = queries.publicPoll(withheld.id).orElseThrow();
		assertThat(v.results()).isNull();
		assertThat(v.poll().withheldReason()).isEqualTo("涉及尚在研究的政策方案");

		// not withheld without a reason
		assertFields(() -> asEditor(() -> management.create(draft(PollIdentityRule.MOBILE, PollResultsVisibility.WITHHELD, null,
				JUNE_1, JUNE_1.plusDays(3)))), "withheldReason");
	}

	// ---- what is public -------------------------------------------------------------------------------------

	@Test
	void draftsAndWithdrawnPollsAreNeverPublic() {
		Survey s = survey(PollIdentityRule.MOBILE, PollResultsVisibility.LIVE, JUNE_1, JUNE_1.plusDays(7));
		assertNotPublic(s.id);
		assertThat(kind.find(s.id)).get().satisfies(l -> {
			assertThat(l.isPublic()).isFalse();
			assertThat(l.status()).isEqualTo("草稿");
		});
		asEditor(() -> management.publish(s.id));
		assertThat(queries.publicPoll(s.id)).isPresent();
		assertThat(kind.highlights(null, 100)).extracting(ParticipationLink::id).contains(s.id);
		assertThat(sitemap.publicPaths()).contains("/participation/polls/" + s.id + "/");
		assertThat(events.stream(PublicPollChanged.class).filter(e -> e.pollId() == s.id && e.isPublic() && !e.answersOnly()))
			.hasSize(1);
		management.answer(s.id, s.answer(MOBILE, 0, List.of(), null), "WEB");
		assertThat(kind.highlights(null, 100)).filteredOn(l -> l.id() == s.id)
			.extracting(ParticipationLink::note)
			.containsExactly("已有1人参与，距截止还有7天");

		assertFields(() -> asEditor(() -> management.withdraw(s.id, " ")), "reason");
		asEditor(() -> management.withdraw(s.id, "调查方案需重新论证"));
		assertNotPublic(s.id);
		assertThat(events.stream(PublicPollChanged.class).filter(e -> e.pollId() == s.id && !e.isPublic())).hasSize(1);
		assertConflict(() -> management.answer(s.id, s.answer("13900000031", 0, List.of(), null), "WEB"), "");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'poll.withdrawn' AND summary LIKE '%重新论证%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void openPollsComeFirstInTheList() {
		Survey ended = survey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, JUNE_1.minusDays(1), JUNE_1.plusDays(1));
		asEditor(() -> management.publish(ended.id));
		Survey later = survey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, JUNE_1.plusDays(3), JUNE_1.plusDays(10));
		asEditor(() -> management.publish(later.id));
		Survey open = survey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, JUNE_1.plusDays(2), JUNE_1.plusDays(12));
		asEditor(() -> management.publish(open.id));
		clock.today(JUNE_1.plusDays(2));
		List<Long> ids = queries.publicList(null, null).stream().map(x -> x.poll().id()).filter(Set.of(ended.id, later.id, open.id)::contains).toList();
		assertThat(ids).containsExactly(open.id, later.id, ended.id);
		assertThat(queries.publicList(agencies.requireByCode("yiyuan-fgj").id(), PollStatus.CLOSED))
			.extracting(x -> x.poll().id()).contains(ended.id).doesNotContain(open.id, later.id);
	}

	// ---- editing ---------------------------------------------------------------------------------------------

	@Test
	void theQuestionnaireIsEditableOnlyBeforePublication() {
		Survey s = survey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, JUNE_1, JUNE_1.plusDays(7));
		// reorder and edit while a draft
		asEditor(() -> {
			management.moveQuestion(s.id, s.text, true);
			management.moveOption(s.id, s.single, s.singleOptions.get(2), true);
			management.addOption(s.id, s.single, "其他");
			return null;
		});
		List<PollQuestion> qs = asEditor(() -> queries.staffPoll(s.id)).questions();
		assertThat(qs).extracting(PollQuestion::id).containsExactly(s.single, s.text, s.multiple);
		assertThat(qs.get(0).options()).extracting(PollOption::label).containsExactly("满意", "不满意", "基本满意", "其他");
		assertFields(() -> asEditor(() -> management.addOption(s.id, s.single, "满意")), "label");

		// another agency's editor and a supervisor do not change it
		assertThatThrownBy(() -> as("nyj-editor", Role.EDITOR, "yiyuan-nyj", () -> management.addOption(s.id, s.single, "新选项")))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> as("gkb", Role.SUPERVISOR, "yiyuan", () -> management.publish(s.id)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThat(as("gkb", Role.SUPERVISOR, "yiyuan", () -> queries.staffPoll(s.id)).poll().id()).isEqualTo(s.id);

		asEditor(() -> management.publish(s.id));
		assertConflict(() -> asEditor(() -> management.addOption(s.id, s.single, "新选项")), "不能再修改");
		assertConflict(() -> asEditor(() -> {
			management.removeQuestion(s.id, s.text);
			return null;
		}), "不能再修改");
		assertConflict(() -> asEditor(() -> management.update(s.id, draft(PollIdentityRule.MOBILE,
				PollResultsVisibility.AFTER_CLOSE, null, JUNE_1, JUNE_1.plusDays(9)))), "不能再修改");
	}

	@Test
	void publicationNeedsQuestionsWithOptionsAndAReferenceMustExist() {
		Poll empty = asEditor(() -> management.create(draft(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, null, JUNE_1,
				JUNE_1.plusDays(3))));
		assertFields(() -> asEditor(() -> management.publish(empty.id())), "questions");
		long q = asEditor(() -> management.addQuestion(empty.id(), new PollQuestionInput("SINGLE", "您是否支持？", true, null, null, null,
				List.of("支持"))));
		assertFields(() -> asEditor(() -> management.publish(empty.id())), "q" + q);
		// a decision that does not exist cannot be referred to
		PollDraft withRef = new PollDraft("yiyuan-fgj", "关于养老服务的调查", "了解需求", JUNE_1.toString(), JUNE_1.plusDays(3).toString(),
				"MOBILE", "AFTER_CLOSE", null, "decision", "999999");
		assertFields(() -> asEditor(() -> management.create(withRef)), "ref");
		PollDraft wrongKind = new PollDraft("yiyuan-fgj", "关于养老服务的调查", "了解需求", JUNE_1.toString(), JUNE_1.plusDays(3).toString(),
				"MOBILE", "AFTER_CLOSE", null, "meeting", "1");
		assertFields(() -> asEditor(() -> management.create(wrongKind)), "ref");
		// bad dates and a missing rule are named
		assertFields(() -> asEditor(() -> management.create(new PollDraft("yiyuan-fgj", "", "", "2026-13-01", "2026-05-01", "EMAIL",
				null, null, null, null))), "title", "description", "opensOn", "identityRule");
		// the API's create with questions is all or nothing
		long before = jdbc.sql("SELECT COUNT(*) FROM pt_poll").query(Long.class).single();
		assertFields(() -> asEditor(() -> management.create(draft(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE, null,
				JUNE_1, JUNE_1.plusDays(3)), List.of(new PollQuestionInput("SINGLE", "第一题", true, null, null, null, List.of("是", "否")),
						new PollQuestionInput("NOPE", "第二题", true, null, null, null, List.of())))), "questions[1].kind");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_poll").query(Long.class).single()).isEqualTo(before);
	}

	// ---- fixtures -----------------------------------------------------------------------------------------------

	/** A poll of the development and reform bureau: a required single choice, an optional multiple choice (2 to 3), an optional text (100). */
	final class Survey {

		long id;

		long single;

		long multiple;

		long text;

		List<Long> singleOptions;

		List<Long> multipleOptions;

		/** An answer: the single choice's option by index, the multiple choice's options by index, optional text. */
		PollAnswer answer(String identity, int single, List<Integer> multiple, String text) {
			Map<Long, List<Long>> choices = new java.util.HashMap<>();
			choices.put(this.single, List.of(singleOptions.get(single)));
			if (!multiple.isEmpty()) {
				choices.put(this.multiple, multiple.stream().map(multipleOptions::get).toList());
			}
			return new PollAnswer(identity, choices, text == null ? Map.of() : Map.of(this.text, text));
		}
	}

	Survey survey(PollIdentityRule rule, PollResultsVisibility visibility, LocalDate opensOn, LocalDate closesOn) {
		return asEditor(() -> {
			Survey s = new Survey();
			Poll p = management.create(draft(rule, visibility, visibility == PollResultsVisibility.WITHHELD ? "涉及尚在研究的政策方案" : null,
					opensOn, closesOn));
			s.id = p.id();
			s.single = management.addQuestion(s.id, new PollQuestionInput("SINGLE", "您对本县养老服务是否满意？", true, null, null, null,
					List.of("满意", "基本满意", "不满意")));
			s.multiple = management.addQuestion(s.id, new PollQuestionInput("MULTIPLE", "您最需要哪些服务？", false, "2", "3", null,
					List.of("助餐", "助浴", "助医", "日间照料")));
			s.text = management.addQuestion(s.id, new PollQuestionInput("TEXT", "您的其他建议", false, null, null, "100", List.of()));
			List<PollQuestion> qs = queries.staffPoll(s.id).questions();
			s.singleOptions = qs.get(0).options().stream().map(PollOption::id).toList();
			s.multipleOptions = qs.get(1).options().stream().map(PollOption::id).toList();
			return s;
		});
	}

	Survey openSurvey(PollIdentityRule rule, PollResultsVisibility visibility) {
		Survey s = survey(rule, visibility, JUNE_1, JUNE_1.plusDays(7));
		asEditor(() -> management.publish(s.id));
		return s;
	}

	static PollDraft draft(PollIdentityRule rule, PollResultsVisibility visibility, String reason, LocalDate opensOn, LocalDate closesOn) {
		return new PollDraft("yiyuan-fgj", "养老服务需求民意调查", "为制定本县养老服务体系建设实施方案，了解群众需求。", opensOn.toString(),
				closesOn.toString(), rule.name(), visibility.name(), reason, null, null);
	}

	long participants(long pollId) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_poll_response WHERE poll_id = ?").param(pollId).query(Long.class).single();
	}

	void assertNotPublic(long id) {
		assertThat(queries.publicPoll(id)).isEmpty();
		assertThat(queries.publicList(null, null)).extracting(x -> x.poll().id()).doesNotContain(id);
		assertThat(kind.highlights(null, 100)).extracting(ParticipationLink::id).doesNotContain(id);
		assertThat(sitemap.publicPaths()).doesNotContain("/participation/polls/" + id + "/");
	}

	static void assertFields(Runnable action, String... fields) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(FieldProblem::field).contains(fields));
	}

	static void assertConflict(Runnable action, String message) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.status()).isIn(409, 404);
			if (!message.isEmpty()) {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains(message);
			}
		});
	}

	<T> T asEditor(Supplier<T> work) {
		return as("fgj-editor", Role.EDITOR, "yiyuan-fgj", work);
	}

	<T> T as(String username, Role role, String agencyCode, Supplier<T> work) {
		long agencyId = agencies.requireByCode(agencyCode).id();
		Actor actor = new Actor(1000, username, username, agencyId, List.of(new RoleGrant(role, agencyId, role == Role.SUPERVISOR)),
				Set.of(), false);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((ActorHolder) () -> actor, null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static String withCheckDigit(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	@Test
	void fingerprintsAndFreeTextAreErasedAfterTheirRetentionPeriods() {
		Survey s = openSurvey(PollIdentityRule.MOBILE, PollResultsVisibility.AFTER_CLOSE);
		management.answer(s.id, s.answer("13900000061", 0, List.of(0, 1), "希望社区食堂延长开放时间"), "WEB");
		management.answer(s.id, s.answer("13900000062", 1, List.of(), null), "WEB");
		LocalDate closed = JUNE_1.plusDays(7);
		clock.today(closed.plusDays(PollRetention.DEFAULT_FINGERPRINT_DAYS));
		retention.purge();
		assertThat(voters(s.id)).as("kept for disputes until the period ends").isEqualTo(2);
		clock.today(closed.plusDays(PollRetention.DEFAULT_FINGERPRINT_DAYS + 1));
		retention.purge();
		assertThat(voters(s.id)).isZero();
		assertThat(texts(s.id)).as("free text is kept longer").containsExactly("希望社区食堂延长开放时间");
		clock.today(closed.plusDays(PollRetention.DEFAULT_TEXT_DAYS + 1));
		retention.purge();
		assertThat(texts(s.id)).isEmpty();
		// the answers and the results stay
		assertThat(participants(s.id)).isEqualTo(2);
		PollResults r = queries.publicPoll(s.id).orElseThrow().results();
		assertThat(r.questions().get(0).options()).extracting(PollResults.OptionResult::count).containsExactly(1L, 1L, 0L);
		assertThat(asEditor(() -> queries.texts(s.id))).isEmpty();
	}

	long voters(long pollId) {
		return jdbc.sql("SELECT COUNT(*) FROM pt_poll_voter WHERE poll_id = ?").param(pollId).query(Long.class).single();
	}

	List<String> texts(long pollId) {
		return jdbc.sql("SELECT t.body FROM pt_poll_text t JOIN pt_poll_response r ON r.id = t.response_id WHERE r.poll_id = ? AND t.body IS NOT NULL")
			.param(pollId).query(String.class).list();
	}

	List<String> columns(String table) {
		return jdbc.sql("SELECT UPPER(column_name) FROM information_schema.columns WHERE UPPER(table_name) = ?").param(table)
			.query(String.class).list();
	}
}
