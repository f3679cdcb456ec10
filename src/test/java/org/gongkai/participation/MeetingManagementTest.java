package org.gongkai.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.Zones;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rules of open meetings against the embedded database with the demo county, with a clock the test moves: a
 * non-public agenda item never reaches a public page, feed or API view; approvals never exceed the seats, even at the
 * same time; applications after the deadline or to a meeting not open to them are refused (409); the tracking code
 * locks after ten wrong tries; an unpublished, withdrawn or not yet held unannounced meeting is not public; the live
 * link shows from the announcement to the end of the meeting day; contact details are erased after the retention period.
 */
@Import(MovableClock.Config.class)
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class MeetingManagementTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-meetings-");
		MovableClock.startsAt(registry, LocalDateTime.of(2026, 12, 1, 10, 0));
	}

	static final String SECRET_ITEM = "县看守所改扩建选址（依法不公开）";

	static final String PHONE = "13955556666";

	private static final AtomicInteger PHONES = new AtomicInteger(1000);

	@Autowired
	MeetingManagement management;

	@Autowired
	MeetingQueries queries;

	@Autowired
	MeetingPages pages;

	@Autowired
	MeetingKind kind;

	@Autowired
	MeetingApiController api;

	@Autowired
	MeetingRetention retention;

	@Autowired
	MeetingSite site;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	long fgj;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		clock.now = at(2026, 12, 1, 10, 0);
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	static Instant at(int y, int mo, int d, int h, int mi) {
		return LocalDateTime.of(y, mo, d, h, mi).atZone(Zones.CHINA).toInstant();
	}

	// ---- helpers ----------------------------------------------------------------------------------------

	MeetingDraft draft(String title, int seats, String deadline, String live) {
		return new MeetingDraft(title, "EXECUTIVE", "2026-12-03T09:30", "县政府第一会议室", true, live,
				List.of("PUBLIC", "EXPERT", "MEDIA"), String.valueOf(seats), deadline);
	}

	/** A published meeting with a public item open to applications and a non-public item. */
	Meeting announced(String title, int seats) {
		return editor(() -> {
			Meeting m = management.create(fgj, draft(title, seats, "2026-12-02T17:00", "https://live.example.cn/yy/12"));
			management.addItem(m.id(), new MeetingItemDraft("县城老旧小区改造实施方案", "县住房城乡建设局", true, true, null));
			management.addItem(m.id(), new MeetingItemDraft(SECRET_ITEM, "县公安局", false, false, null));
			return management.publish(m.id());
		});
	}

	long openItem(Meeting m) {
		return queries.items(m.id()).stream().filter(MeetingRules::itemOpen).findFirst().orElseThrow().id();
	}

	AttendanceApplication apply(Meeting m, String phone) {
		return management.apply(m.id(), new AttendanceSubmission("王建华", "PUBLIC", "历山街道居民", phone,
				List.of(String.valueOf(openItem(m))), "居住在改造范围内"));
	}

	static String phone() {
		return "1390000" + PHONES.incrementAndGet();
	}

	<T> T editor(Supplier<T> work) {
		return run(new Actor(2000, "fgj-editor", "fgj-editor", fgj, List.of(new RoleGrant(Role.EDITOR, fgj, false)), Set.of(),
				false), work);
	}

	static <T> T run(Actor actor, Supplier<T> work) {
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

	// ---- tests ------------------------------------------------------------------------------------------

	@Test
	void aNonPublicAgendaItemNeverAppearsInPublic() {
		Meeting m = announced("县政府第12次常务会议", 5);
		String page = pages.item(m.id()).orElseThrow();
		assertThat(page).contains("县城老旧小区改造实施方案", "另有1项议题依法不予公开").doesNotContain(SECRET_ITEM, "县公安局");
		MeetingQueries.PublicMeeting p = queries.publicMeeting(m.id()).orElseThrow();
		assertThat(p.items()).extracting(MeetingItem::title).containsExactly("县城老旧小区改造实施方案");
		assertThat(p.hiddenItems()).isEqualTo(1);
		// nor in the API's detail view (the list and feed show no item titles at all)
		assertThat(api.one(m.id()).toString()).contains("县城老旧小区改造实施方案").doesNotContain(SECRET_ITEM, "县公安局");
		// a non-public item takes no applications and cannot carry public decided items
		long secret = queries.items(m.id()).stream().filter(i -> !i.isPublic()).findFirst().orElseThrow().id();
		assertThatThrownBy(() -> management.apply(m.id(), new AttendanceSubmission("王建华", "PUBLIC", null, phone(),
				List.of(String.valueOf(secret)), null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).contains("items"));
		clock.now = at(2026, 12, 3, 12, 0);
		assertThatThrownBy(() -> editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(String.valueOf(secret), "同意选址方案。", List.of(), null))))
			.isInstanceOf(InvalidInputException.class);
		// an item cannot be open to applications without being public
		assertThatThrownBy(() -> editor(() -> management.addItem(m.id(), new MeetingItemDraft("内部议题", null, false, true, null))))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void approvalsNeverExceedTheSeats() {
		Meeting m = announced("县政府第13次常务会议", 2);
		List<AttendanceApplication> apps = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			apps.add(apply(m, phone()));
		}
		editor(() -> management.approve(apps.get(0).id()));
		editor(() -> management.approve(apps.get(1).id()));
		assertThatThrownBy(() -> editor(() -> management.approve(apps.get(2).id())))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("名额已满");
			});
		assertThat(queries.find(m.id()).orElseThrow().approvedCount()).isEqualTo(2);
		// every seat taken: the meeting takes no more applications
		assertThat(queries.publicMeeting(m.id()).orElseThrow().applicationsOpen()).isFalse();
		assertThat(pages.item(m.id()).orElseThrow()).contains("列席名额已满");
		assertThatThrownBy(() -> apply(m, phone())).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.getMessage()).contains("名额已满"));
		// a refusal needs a reason, which the applicant then sees
		assertThatThrownBy(() -> editor(() -> management.refuse(apps.get(2).id(), " "))).isInstanceOf(InvalidInputException.class);
		editor(() -> management.refuse(apps.get(2).id(), "名额已满，欢迎关注会议直播"));
		// the seats cannot drop below the approvals
		assertThatThrownBy(() -> editor(() -> management.update(m.id(), draft("县政府第13次常务会议", 1, "2026-12-02T17:00", null))))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void concurrentApprovalsTakeOnlyTheSeatsThereAre() throws Exception {
		Meeting m = announced("县政府第14次常务会议", 1);
		List<AttendanceApplication> apps = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			apps.add(apply(m, phone()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (AttendanceApplication a : apps) {
			Callable<Boolean> task = () -> {
				start.await();
				try {
					editor(() -> management.approve(a.id()));
					return true;
				}
				catch (DomainException e) {
					return false;
				}
			};
			results.add(pool.submit(task));
		}
		start.countDown();
		int approved = 0;
		for (Future<Boolean> f : results) {
			approved += f.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(approved).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pt_meeting_application WHERE meeting_id = ? AND status = 'APPROVED'")
			.param(m.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(queries.find(m.id()).orElseThrow().approvedCount()).isEqualTo(1);
	}

	@Test
	void applicationsAfterTheDeadlineOrToAClosedMeetingAreRefused() {
		Meeting m = announced("县政府第15次常务会议", 3);
		AttendanceApplication first = apply(m, PHONE);
		assertThat(first.trackingCode()).startsWith("LX").hasSize(12);
		assertThatThrownBy(() -> apply(m, PHONE)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.status()).isEqualTo(409);
			assertThat(e.getMessage()).contains("请勿重复提交");
		});
		clock.now = at(2026, 12, 2, 17, 0);
		assertThatThrownBy(() -> apply(m, phone())).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.status()).isEqualTo(409);
			assertThat(e.getMessage()).contains("已截止");
		});
		assertThat(queries.publicMeeting(m.id()).orElseThrow().applicationsOpen()).isFalse();
		clock.now = at(2026, 12, 1, 10, 0);
		Meeting closed = announced("县政府第16次常务会议", 0);
		assertThatThrownBy(() -> apply(closed, phone())).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.status()).isEqualTo(409);
			assertThat(e.getMessage()).contains("不接受");
		});
		// a deadline after the start is refused when the meeting is prepared
		assertThatThrownBy(() -> editor(() -> management.create(fgj, draft("日期有误的会议", 3, "2026-12-03T10:00", null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).contains("applyDeadline"));
		// a category the meeting does not invite is refused
		assertThatThrownBy(() -> management.apply(m.id(), new AttendanceSubmission("李明", "NPC_DEPUTY", null, phone(),
				List.of(String.valueOf(openItem(m))), null))).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theTrackingCodeLocksAfterTenWrongTries() {
		Meeting m = announced("县政府第17次常务会议", 3);
		AttendanceApplication a = apply(m, "13912348765");
		assertThat(queries.track(a.trackingCode(), "8765")).get()
			.satisfies(v -> assertThat(v.application().status()).isEqualTo(AttendanceStatus.SUBMITTED));
		editor(() -> management.refuse(a.id(), "本议题已邀请社区代表列席"));
		assertThat(queries.track(a.trackingCode().toLowerCase(), "8765")).get()
			.satisfies(v -> assertThat(v.application().refusalReason()).isEqualTo("本议题已邀请社区代表列席"));
		for (int i = 0; i < 10; i++) {
			assertThat(queries.track(a.trackingCode(), "0000")).isEmpty();
		}
		assertThat(queries.track(a.trackingCode(), "8765")).as("locked after ten wrong tries").isEmpty();
		clock.now = clock.now.plusSeconds(3601);
		assertThat(queries.track(a.trackingCode(), "8765")).isPresent();
		assertThat(queries.track("LXNOSUCHCODE", "8765")).isEmpty();
		// three lockouts in a row: a day, not an hour
		for (int lockout = 1; lockout <= 3; lockout++) {
			for (int i = 0; i < 10; i++) {
				assertThat(queries.track(a.trackingCode(), "1111")).isEmpty();
			}
			clock.now = clock.now.plusSeconds(3601);
		}
		assertThat(queries.track(a.trackingCode(), "8765")).as("the third lockout lasts a day").isEmpty();
		clock.now = clock.now.plusSeconds(24 * 3600);
		assertThat(queries.track(a.trackingCode(), "8765")).isPresent();
	}

	@Test
	void anUnpublishedWithdrawnOrUnannouncedMeetingIsNotPublic() {
		Meeting draft = editor(() -> {
			Meeting m = management.create(fgj, draft("尚未公开的会议", 0, null, null));
			management.addItem(m.id(), new MeetingItemDraft("公开议题", null, true, false, null));
			return m;
		});
		assertThat(pages.item(draft.id())).isEmpty();
		assertThat(queries.publicMeeting(draft.id())).isEmpty();
		assertThat(kind.find(draft.id())).get().satisfies(l -> assertThat(l.isPublic()).isFalse());
		assertThatThrownBy(() -> management.apply(draft.id(), new AttendanceSubmission("王", "PUBLIC", null, phone(), List.of(), null)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
		// published, then withdrawn with a reason
		editor(() -> management.publish(draft.id()));
		assertThat(pages.item(draft.id())).isPresent();
		assertThat(site.publicPaths()).contains(MeetingQueries.path(draft.id()));
		assertThatThrownBy(() -> editor(() -> management.withdraw(draft.id(), ""))).isInstanceOf(InvalidInputException.class);
		editor(() -> management.withdraw(draft.id(), "会议延期"));
		assertThat(pages.item(draft.id())).isEmpty();
		assertThat(site.publicPaths()).doesNotContain(MeetingQueries.path(draft.id()));
		assertThat(events.stream(PublicMeetingChanged.class).filter(e -> e.meetingId() == draft.id()))
			.extracting(PublicMeetingChanged::isPublic).containsExactly(true, false);
		// a meeting not announced in advance is published only once it has begun
		Meeting quiet = editor(() -> {
			Meeting m = management.create(fgj, new MeetingDraft("不预告的专题会议", "TOPICAL", "2026-12-03T09:30", null, false, null,
					List.of(), "0", null));
			management.addItem(m.id(), new MeetingItemDraft("专题议题", null, true, false, null));
			return m;
		});
		assertThatThrownBy(() -> editor(() -> management.publish(quiet.id()))).isInstanceOf(DomainException.class);
		clock.now = at(2026, 12, 3, 11, 0);
		editor(() -> management.publish(quiet.id()));
		assertThat(pages.item(quiet.id())).isPresent();
		// another agency's editor may not touch it
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		assertThatThrownBy(() -> run(new Actor(2001, "nyj-editor", "nyj-editor", nyj, List.of(new RoleGrant(Role.EDITOR, nyj, false)),
				Set.of(), false), () -> management.withdraw(quiet.id(), "越权")))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void theLiveLinkShowsFromTheAnnouncementToTheEndOfTheMeetingDay() {
		Meeting m = editor(() -> {
			Meeting x = management.create(fgj, draft("县政府第18次常务会议", 0, null, "https://live.example.cn/yy/18"));
			management.addItem(x.id(), new MeetingItemDraft("议题", null, true, false, null));
			return x;
		});
		assertThat(MeetingRules.liveLinkShown(m, clock.instant())).as("not before publication").isFalse();
		editor(() -> management.publish(m.id()));
		assertThat(pages.item(m.id()).orElseThrow()).contains("直播", "https://live.example.cn/yy/18");
		clock.now = at(2026, 12, 3, 23, 59);
		assertThat(queries.publicMeeting(m.id()).orElseThrow().live()).isTrue();
		clock.now = at(2026, 12, 4, 0, 0);
		assertThat(queries.publicMeeting(m.id()).orElseThrow().live()).isFalse();
		assertThat(pages.item(m.id()).orElseThrow()).doesNotContain("https://live.example.cn/yy/18");
		// only an https address is accepted
		assertThatThrownBy(() -> editor(() -> management.create(fgj, draft("不安全直播", 0, null, "http://live.example.cn/x"))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).contains("liveUrl"));
		assertThatThrownBy(() -> editor(() -> management.create(fgj, draft("脚本直播", 0, null, "javascript:alert(1)"))))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void decidedItemsArePublicOnlyOncePublishedAndLinksMustResolve() {
		Meeting m = announced("县政府第19次常务会议", 0);
		assertThatThrownBy(() -> editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(null, "会议同意实施方案。", List.of(), null))))
			.as("not before the meeting").isInstanceOf(DomainException.class);
		clock.now = at(2026, 12, 3, 12, 0);
		long item = openItem(m);
		assertThatThrownBy(() -> editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(String.valueOf(item), "会议同意实施方案。", List.of("decision:999999"), null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field).contains("links"));
		assertThatThrownBy(() -> editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(null, "会议同意。", List.of("poll:1"), null))))
			.isInstanceOf(InvalidInputException.class);
		editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(String.valueOf(item), "会议原则同意县城老旧小区改造实施方案，由县住房城乡建设局组织实施。", List.of(), null)));
		assertThat(pages.item(m.id()).orElseThrow()).doesNotContain("会议原则同意");
		assertThat(kind.highlights(fgj, 8)).filteredOn(l -> l.id() == m.id()).singleElement()
			.satisfies(l -> assertThat(l.note()).contains("召开"));
		editor(() -> management.publishOutcome(m.id()));
		assertThat(pages.item(m.id()).orElseThrow()).contains("议定事项", "会议原则同意县城老旧小区改造实施方案");
		assertThat(kind.highlights(fgj, 50)).filteredOn(l -> l.id() == m.id()).singleElement()
			.satisfies(l -> assertThat(l.note()).isEqualTo("已公开议定事项1项"));
		editor(() -> management.recordAttendance(m.id(), Map.of("PUBLIC", "2", "MEDIA", "1")));
		assertThat(pages.item(m.id()).orElseThrow()).contains("列席情况", "公众代表", "媒体");
	}

	@Test
	void applicantsContactDetailsAreErasedAfterTheRetentionPeriod() {
		Meeting m = announced("县政府第20次常务会议", 3);
		AttendanceApplication a = apply(m, phone());
		clock.now = LocalDate.of(2026, 12, 3).plusDays(MeetingRules.CONTACT_RETENTION_DAYS).atTime(1, 0).atZone(Zones.CHINA).toInstant();
		retention.purge();
		assertThat(jdbc.sql("SELECT applicant_name FROM pt_meeting_application WHERE id = ?").param(a.id()).query(String.class).optional())
			.as("kept on the last day").hasValue("王建华");
		clock.now = clock.now.plusSeconds(24 * 3600);
		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
		Map<String, Object> row = jdbc.sql("SELECT applicant_name, phone, work_unit, category FROM pt_meeting_application WHERE id = ?")
			.param(a.id()).query().singleRow();
		assertThat(row.get("applicant_name")).isNull();
		assertThat(row.get("phone")).isNull();
		assertThat(row.get("work_unit")).isNull();
		assertThat(row.get("category")).isEqualTo("PUBLIC");
	}

	@Test
	void anItemReferredToCannotBeMadeNonPublicAndHiddenItemsNeverLeakThroughDecidedItemsOrTracking() {
		Meeting m = announced("县政府第21次常务会议", 3);
		long item = openItem(m);
		AttendanceApplication a = apply(m, PHONE.substring(0, 7) + "2101");
		// an application refers to the item: it stays public
		assertThatThrownBy(() -> editor(() -> management.updateItem(m.id(), item,
				new MeetingItemDraft("县城老旧小区改造实施方案", "县住房城乡建设局", false, false, null))))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("列席申请");
			});
		clock.now = at(2026, 12, 3, 12, 0);
		editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(String.valueOf(item), "会议原则同意改造方案并报县委审定。", List.of(), null)));
		editor(() -> management.publishOutcome(m.id()));
		// a decided item refers to the item: it stays public too
		assertThatThrownBy(() -> editor(() -> management.updateItem(m.id(), item,
				new MeetingItemDraft("县城老旧小区改造实施方案", "县住房城乡建设局", false, false, null))))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("议定事项"));
		assertThat(queries.items(m.id())).filteredOn(i -> i.id() == item).singleElement().satisfies(i -> assertThat(i.isPublic()).isTrue());
		assertThat(pages.item(m.id()).orElseThrow()).contains("会议原则同意改造方案");

		// an item hidden by other means (older data): its decided items and its title in tracking are not shown
		jdbc.sql("UPDATE pt_meeting_item SET is_public = FALSE, open_to_applications = FALSE WHERE id = ?").param(item).update();
		assertThat(pages.item(m.id()).orElseThrow()).doesNotContain("会议原则同意改造方案", "县城老旧小区改造实施方案");
		assertThat(queries.publicMeeting(m.id()).orElseThrow().decided()).isEmpty();
		assertThat(api.one(m.id()).toString()).doesNotContain("会议原则同意改造方案");
		MeetingQueries.ApplicantView t = queries.track(a.trackingCode(), "2101").orElseThrow();
		assertThat(t.itemTitles()).isEmpty();
	}

	@Test
	void aMeetingIsListedAsPublicByARecordItsDecidedItemsReferToOnlyOnceTheOutcomeIsPublished() {
		Meeting m = announced("县政府第22次常务会议", 0);
		clock.now = at(2026, 12, 3, 12, 0);
		MeetingDecided d = editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(String.valueOf(openItem(m)), "会议同意将该事项列入年度重大行政决策目录。", List.of(), null)));
		jdbc.sql("INSERT INTO pt_meeting_link (decided_id, target_kind, target_id) VALUES (?, 'decision', 987654)").param(d.id()).update();
		assertThat(kind.referencing("decision", 987654)).filteredOn(l -> l.id() == m.id()).singleElement()
			.satisfies(l -> assertThat(l.isPublic()).as("the meeting is public but its outcome is not").isFalse());
		editor(() -> management.publishOutcome(m.id()));
		assertThat(kind.referencing("decision", 987654)).filteredOn(l -> l.id() == m.id()).singleElement()
			.satisfies(l -> assertThat(l.isPublic()).isTrue());
	}

	@Test
	void applicantsOfAWithdrawnMeetingAreToldAndPendingApplicationsLapse() {
		Meeting m = announced("县政府第23次常务会议", 3);
		AttendanceApplication approved = apply(m, PHONE.substring(0, 7) + "2301");
		AttendanceApplication pending = apply(m, PHONE.substring(0, 7) + "2302");
		editor(() -> management.approve(approved.id()));
		editor(() -> management.withdraw(m.id(), "会议议程调整，另行通知"));
		MeetingQueries.ApplicantView t = queries.track(approved.trackingCode(), "2301").orElseThrow();
		assertThat(t.meeting().status()).isEqualTo(MeetingStatus.WITHDRAWN);
		assertThat(t.meeting().withdrawnReason()).isEqualTo("会议议程调整，另行通知");
		assertThat(queries.track(pending.trackingCode(), "2302").orElseThrow().application().status())
			.isEqualTo(AttendanceStatus.LAPSED);
	}

	@Test
	void staffWrittenTextIsMaskedInPublic() {
		Meeting m = editor(() -> {
			Meeting x = management.create(fgj, draft("县政府第24次常务会议", 0, null, null));
			management.addItem(x.id(), new MeetingItemDraft("背街小巷整治方案（联系人13912345678）", "县城管局（13912345678）", true, false, null));
			return management.publish(x.id());
		});
		clock.now = at(2026, 12, 3, 12, 0);
		editor(() -> management.recordDecided(m.id(), null,
				new MeetingDecidedDraft(null, "会议同意整治方案，由王科长（13912345678）牵头落实。", List.of(), null)));
		editor(() -> management.publishOutcome(m.id()));
		String page = pages.item(m.id()).orElseThrow();
		assertThat(page).contains("139****5678", "背街小巷整治方案", "牵头落实").doesNotContain("13912345678");
		assertThat(api.one(m.id()).toString()).contains("139****5678").doesNotContain("13912345678");
		// the agency's own feed carries it; an unknown agency has none
		assertThat(pages.agencyFeed("yiyuan-fgj").orElseThrow()).contains("县政府第24次常务会议", "urn:gongkai:meeting:" + m.id());
		assertThat(pages.agencyFeed("yiyuan-nyj").orElseThrow()).doesNotContain("县政府第24次常务会议");
		assertThat(pages.agencyFeed("no-such-agency")).isEmpty();
	}

	@Test
	void aHeldMeetingWithNothingToPublishLeavesTheQueueWithAReasonAndHeldMeetingsNoLongerCountAsPending() {
		Meeting m = announced("县政府第25次常务会议", 3);
		apply(m, phone());
		int pendingBefore = queries.pendingApplications(List.of(fgj));
		assertThat(pendingBefore).isPositive();
		clock.now = at(2026, 12, 3, 12, 0);
		assertThat(queries.pendingApplications(List.of(fgj))).as("a held meeting's applications can no longer be approved")
			.isLessThan(pendingBefore);
		assertThat(queries.awaitingOutcome(List.of(fgj))).extracting(Meeting::id).contains(m.id());
		assertThatThrownBy(() -> editor(() -> {
			management.closeOutcome(m.id(), " ");
			return null;
		})).isInstanceOf(InvalidInputException.class);
		editor(() -> {
			management.closeOutcome(m.id(), "会议议题均为内部工作事项，没有需要公开的议定事项");
			return null;
		});
		assertThat(queries.awaitingOutcome(List.of(fgj))).extracting(Meeting::id).doesNotContain(m.id());
		assertThat(queries.outcomeClosedReason(m.id())).hasValue("会议议题均为内部工作事项，没有需要公开的议定事项");
	}
}
