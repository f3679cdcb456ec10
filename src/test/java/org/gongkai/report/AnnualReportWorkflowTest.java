package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.gongkai.identity.TokenManagement;
import org.gongkai.inforequest.ApplicantType;
import org.gongkai.inforequest.Application;
import org.gongkai.inforequest.IdType;
import org.gongkai.inforequest.InfoRequest;
import org.gongkai.inforequest.InfoRequestManagement;
import org.gongkai.inforequest.ObtainMethod;
import org.gongkai.inforequest.Outcome;
import org.gongkai.inforequest.ProvisionForm;
import org.gongkai.inforequest.RequestStatistics;
import org.gongkai.inforequest.SubmissionChannel;
import org.gongkai.interaction.InteractionStatistics;
import org.gongkai.interaction.MotionStatistics;
import org.gongkai.interpretation.InterpretationStatistics;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
import org.gongkai.participation.ParticipationStatistics;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.powers.EnforcementStatistics;
import org.gongkai.publication.PublicationStatistics;
import org.gongkai.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual report against the embedded database with the demo county (without its demo items), one application for
 * every test: the workflow with its roles from draft to published, cells equal to the owning modules' statistics and
 * as many records as each count, approval refused on a broken V1, published versions immutable, corrections as new
 * versions, imports, the roll-up, reminders and the API for the public and for staff. Each test uses its own agency
 * or year.
 */
@Import({ MovableClock.Config.class, AnnualReportWorkflowTest.Fixtures.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gongkai.demo.enabled=true", "gongkai.demo.content=false",
				"gongkai.demo.password=Demo-Test-2026", "gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportWorkflowTest {

	static final String PASSWORD = "Demo-Test-2026";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final AtomicInteger NUMBERS = new AtomicInteger(700);

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		MovableClock.dataDir(registry, "gongkai-report-");
	}

	/** Cells changed on top of the composed ones, per agency id: the broken case an approval must refuse. */
	static final Map<Long, Map<String, BigDecimal>> OVERRIDES = new HashMap<>();

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		@Primary
		ReportComposer fixtureComposer(RequestStatistics requests, EnforcementStatistics enforcement,
				InterpretationStatistics interpretations, InteractionStatistics interaction, MotionStatistics motions,
				PublicationStatistics publication, ParticipationStatistics participation) {
			return new ReportComposer(requests, enforcement, interpretations, interaction, motions, publication,
					participation) {
				@Override
				ReportCells compose(long agencyId, int year) {
					ReportCells cells = super.compose(agencyId, year);
					for (Map.Entry<String, BigDecimal> e : OVERRIDES.getOrDefault(agencyId, Map.of()).entrySet()) {
						cells = cells.with(e.getKey(), e.getValue());
					}
					return cells;
				}
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	AnnualReportManagement management;

	@Autowired
	AnnualReportQueries queries;

	@Autowired
	ReportRollup rollup;

	@Autowired
	InfoRequestManagement requests;

	@Autowired
	RequestStatistics requestStatistics;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	long fgj;

	long county;

	@BeforeAll
	void activity() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		county = agencies.requireByCode("yiyuan").id();
		clock.today(LocalDate.of(2026, 3, 2));
		as("fgj-handler", fgj, Role.REQUEST_HANDLER);
		InfoRequest carried = received(fgj, LocalDate.of(2024, 12, 20), ApplicantType.NATURAL_PERSON);
		reply(carried, Outcome.R1, LocalDate.of(2025, 1, 10));
		InfoRequest company = received(fgj, LocalDate.of(2025, 3, 3), ApplicantType.COMMERCIAL_ENTERPRISE);
		reply(company, Outcome.R4_1, LocalDate.of(2025, 3, 20));
		InfoRequest person = received(fgj, LocalDate.of(2025, 6, 2), ApplicantType.NATURAL_PERSON);
		reply(person, Outcome.R2, LocalDate.of(2025, 6, 10));
		received(fgj, LocalDate.of(2025, 12, 22), ApplicantType.NATURAL_PERSON);
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		OVERRIDES.clear();
		clock.today(LocalDate.of(2026, 3, 2));
	}

	@Test
	void aReportGoesFromDraftToPublishedThroughTheRolesAndStaysImmutable() {
		// only editors and agency administrators draft
		assertThatThrownBy(() -> as("fgj-reviewer", fgj, Role.REVIEWER, () -> management.start(fgj, 2025)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		ReportWork draft = as("fgj-editor", fgj, Role.EDITOR, () -> management.start(fgj, 2025));
		assertThat(draft.view().status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(draft.view().version()).isEqualTo(1);
		assertThat(draft.view().format()).isEqualTo(ReportFormat.F2021);
		assertThat(draft.deadline().dueOn()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThatThrownBy(() -> as("fgj-editor", fgj, Role.EDITOR, () -> management.start(fgj, 2025)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));

		// the cells are the request module's table 三 and 四, and each counted cell has as many records as its count
		ReportCells cells = draft.view().cells();
		assertThat(cells.count("t3.new.total")).isEqualTo(3);
		assertThat(cells.count("t3.new.naturalPerson")).isEqualTo(2);
		assertThat(cells.count("t3.carriedIn.naturalPerson")).isEqualTo(1);
		assertThat(cells.count("t3.r1.naturalPerson")).isEqualTo(1);
		assertThat(cells.count("t3.r2.naturalPerson")).isEqualTo(1);
		assertThat(cells.count("t3.r4_1.commercialEnterprise")).isEqualTo(1);
		assertThat(cells.count("t3.rTotal.total")).isEqualTo(3);
		assertThat(cells.count("t3.carriedOut.total")).isEqualTo(1);
		assertThat(cells.isBlank("t2.fees.amount")).isTrue();
		assertThat(draft.problems()).filteredOn(ReportProblem::blocking).isEmpty();
		assertThat(draft.problems()).extracting(ReportProblem::target).contains("t2.fees.amount");
		long reportId = draft.view().reportId();
		as("fgj-editor", fgj, Role.EDITOR, () -> {
			RequestStatistics.Table3 t3 = Actors.callAsSystem(() -> requestStatistics.table3(fgj, 2025));
			ReportLayout.Block block = ReportLayout.of(ReportFormat.F2021).table3();
			for (ReportLayout.Row row : block.rows()) {
				for (ReportLayout.Column column : block.columns()) {
					String key = block.cellKey(row, column);
					ApplicantType type = ReportComposer.applicantType(column.key());
					assertThat(cells.count(key)).as(key).isEqualTo(type == null ? t3.total(row.key()) : t3.cell(row.key(), type));
					assertThat(queries.cellRecords(reportId, key)).as(key).hasSize(cells.count(key));
				}
			}
			for (String key : List.of("t2.rules.issued", "t2.licences.decisions", "t2.penalties.decisions",
					"t4.remedies.reconsideration.upheld")) {
				assertThat(queries.cellRecords(reportId, key)).as(key).hasSize(cells.count(key));
			}
			return null;
		});

		// the drafted text carries the numbers; saving is optimistic
		assertThat(draft.view().sections().get(0).text()).contains("本年新收政府信息公开申请3件，上年结转1件，办结3件，结转下年度继续办理1件");
		ReportTextInput text = new ReportTextInput("一、本局2025年总体情况（编辑后）", "五、问题与改进（编辑后）", "",
				Map.of(ReportSixPart.FEES, "本年度未收取信息处理费。", ReportSixPart.WORK_PLAN, "落实工作要点。",
						ReportSixPart.MOTIONS, "无。", ReportSixPart.INNOVATION, "无。"));
		ReportWork saved = as("fgj-editor", fgj, Role.EDITOR, () -> management.saveText(reportId, draft.revision(), text));
		assertThat(saved.revision()).isEqualTo(draft.revision() + 1);
		assertThat(saved.view().sections().get(0).text()).isEqualTo("一、本局2025年总体情况（编辑后）");
		assertThatThrownBy(() -> as("fgj-editor", fgj, Role.EDITOR, () -> management.saveText(reportId, draft.revision(), text)))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.getMessage()).contains("修订号" + saved.revision()).contains("修订号" + draft.revision());
			});

		// submit, returned with a reason, resubmitted, reviewed, approved by the leader, published by the editor
		assertThatThrownBy(() -> as("fgj-editor", fgj, Role.EDITOR, () -> management.review(reportId, null)))
			.isInstanceOf(DomainException.class);
		as("fgj-editor", fgj, Role.EDITOR, () -> management.submit(reportId));
		assertThatThrownBy(() -> as("fgj-reviewer", fgj, Role.REVIEWER, () -> management.sendBack(reportId, " ")))
			.isInstanceOf(InvalidInputException.class);
		ReportWork returned = as("fgj-reviewer", fgj, Role.REVIEWER, () -> management.sendBack(reportId, "请补充监督保障内容"));
		assertThat(returned.view().status()).isEqualTo(ReportStatus.DRAFT);
		as("fgj-editor", fgj, Role.EDITOR, () -> management.submit(reportId));
		assertThatThrownBy(() -> as("fgj-reviewer", fgj, Role.REVIEWER, () -> management.approve(reportId, null)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> as("fgj-leader", fgj, Role.APPROVER, () -> management.approve(reportId, null)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("待审核"));
		as("fgj-reviewer", fgj, Role.REVIEWER, () -> management.review(reportId, "数据已核对"));
		ReportWork approved = as("fgj-leader", fgj, Role.APPROVER, () -> management.approve(reportId, "同意发布"));
		assertThat(approved.view().status()).isEqualTo(ReportStatus.APPROVED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rp_cell WHERE report_id = ?").param(reportId).query(Long.class).single())
			.isEqualTo((long) ReportLayout.of(ReportFormat.F2021).cellKeys().size() - 1);
		assertThat(approved.view().cells().values()).isEqualTo(cells.values());
		assertThat(queries.published(fgj, 2025)).isEmpty();
		events.clear();
		ReportWork published = as("fgj-editor", fgj, Role.EDITOR, () -> management.publish(reportId));
		assertThat(published.view().status()).isEqualTo(ReportStatus.PUBLISHED);
		assertThat(published.view().publishedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(events.stream(AnnualReportPublished.class)).containsExactly(new AnnualReportPublished(reportId, fgj, 2025, 1));
		assertThat(events.stream(PublicPagesChanged.class)).contains(new PublicPagesChanged(fgj));
		assertThat(published.history()).extracting(ReportEvent::action)
			.containsExactly("起草", "保存文本", "提交审核", "退回修改", "提交审核", "审核通过", "批准", "发布");
		assertThat(published.history()).filteredOn(e -> e.action().equals("退回修改")).extracting(ReportEvent::note)
			.containsExactly("请补充监督保障内容");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'AnnualReport' AND subject_id = ?")
			.param(String.valueOf(reportId)).query(Long.class).single()).isEqualTo(8L);
		assertThat(queries.published(fgj, 2025)).get().satisfies(v -> {
			assertThat(v.version()).isEqualTo(1);
			assertThat(v.cells().values()).isEqualTo(cells.values());
		});

		// published: nothing changes it, and its row stays as it was
		Map<String, Object> row = jdbc.sql("SELECT * FROM rp_report WHERE id = ?").param(reportId).query().singleRow();
		long revision = published.revision();
		for (Supplier<ReportWork> change : List.<Supplier<ReportWork>>of(
				() -> management.saveText(reportId, revision, text), () -> management.refresh(reportId),
				() -> management.submit(reportId), () -> management.publish(reportId))) {
			assertThatThrownBy(() -> as("fgj-editor", fgj, Role.EDITOR, change))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("已发布的年度报告不能再修改"));
		}
		assertThat(jdbc.sql("SELECT * FROM rp_report WHERE id = ?").param(reportId).query().singleRow()).isEqualTo(row);
		assertThat(events.stream(ChangeRecorded.class).filter(c -> c.subjectType().equals("AnnualReport"))).hasSize(1);

		// a correction is version 2 with the texts copied; once published both versions are public
		assertThatThrownBy(() -> as("fgj-editor", fgj, Role.EDITOR, () -> management.correct(fgj, 2025, "")))
			.isInstanceOf(InvalidInputException.class);
		ReportWork correction = as("fgj-editor", fgj, Role.EDITOR,
				() -> management.correct(fgj, 2025, "更正表三中商业企业申请的办理结果"));
		assertThat(correction.view().version()).isEqualTo(2);
		assertThat(correction.view().status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(correction.view().sections().get(0).text()).isEqualTo("一、本局2025年总体情况（编辑后）");
		assertThat(as("fgj-editor", fgj, Role.EDITOR, () -> queries.working(fgj, 2025)).orElseThrow().view().version()).isEqualTo(2);
		assertThat(queries.published(fgj, 2025)).get().extracting(ReportView::version).isEqualTo(1);
		assertThatThrownBy(() -> as("fgj-editor", fgj, Role.EDITOR, () -> management.correct(fgj, 2025, "再次更正")))
			.isInstanceOf(DomainException.class);
		long v2 = correction.view().reportId();
		as("fgj-editor", fgj, Role.EDITOR, () -> management.submit(v2));
		as("fgj-reviewer", fgj, Role.REVIEWER, () -> management.review(v2, null));
		as("fgj-leader", fgj, Role.APPROVER, () -> management.approve(v2, null));
		as("fgj-editor", fgj, Role.EDITOR, () -> management.publish(v2));
		assertThat(queries.publishedVersions(fgj, 2025)).extracting(ReportSummary::version).containsExactly(2, 1);
		assertThat(queries.published(fgj, 2025)).get().satisfies(v -> {
			assertThat(v.version()).isEqualTo(2);
			assertThat(v.correctionNote()).isEqualTo("更正表三中商业企业申请的办理结果");
		});
		assertThat(queries.publishedVersion(fgj, 2025, 1)).get().extracting(ReportView::correctionNote).isNull();
		assertThat(queries.publishedSeries(fgj)).filteredOn(v -> v.year() == 2025).extracting(ReportView::version)
			.containsExactly(2);
		assertThat(as("fgj-editor", fgj, Role.EDITOR, () -> queries.reports(fgj))).filteredOn(s -> s.year() == 2025)
			.extracting(ReportSummary::version).containsExactly(2, 1);
	}

	@Test
	void anApprovalWithABrokenV1IsRefusedNamingTheColumnAndFreezesNothing() {
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		long id = as("nyj-editor", nyj, Role.EDITOR, () -> management.start(nyj, 2025)).view().reportId();
		as("nyj-editor", nyj, Role.EDITOR, () -> management.submit(id));
		as("nyj-reviewer", nyj, Role.REVIEWER, () -> management.review(id, null));
		// 本年新收 one more natural person than the results account for
		OVERRIDES.put(nyj, Map.of("t3.new.naturalPerson", BigDecimal.ONE, "t3.new.total", BigDecimal.ONE));
		assertThat(as("nyj-editor", nyj, Role.EDITOR, () -> queries.work(id)).orElseThrow().problems())
			.filteredOn(ReportProblem::blocking)
			.extracting(ReportProblem::message)
			.anyMatch(m -> m.startsWith("V1：自然人列 本年新收+上年结转 ≠ 办理结果总计+结转下年"));
		assertThatThrownBy(() -> as("nyj-leader", nyj, Role.APPROVER, () -> management.approve(id, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::message)
					.anyMatch(m -> m.startsWith("V1：自然人列 本年新收+上年结转 ≠ 办理结果总计+结转下年（1+0 ≠ 0+0）"));
				assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).contains("t3.rTotal.naturalPerson");
			});
		assertThat(as("nyj-editor", nyj, Role.EDITOR, () -> queries.work(id)).orElseThrow().view().status())
			.isEqualTo(ReportStatus.REVIEWED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rp_cell WHERE report_id = ?").param(id).query(Long.class).single()).isZero();
		OVERRIDES.clear();
		assertThat(as("nyj-leader", nyj, Role.APPROVER, () -> management.approve(id, null)).view().status())
			.isEqualTo(ReportStatus.APPROVED);
	}

	@Test
	void earlierYearsAreImportedAsPublishedInTheirFormatAndABrokenV1IsRefused() {
		long czj = agencies.requireByCode("yiyuan-czj").id();
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		cells.put("t2.rules.made", BigDecimal.ONE);
		cells.put("t2.licences.change", BigDecimal.valueOf(-3));
		cells.put("t2.procurement.amount", new BigDecimal("125.5"));
		cells.put("t3.new.naturalPerson", BigDecimal.valueOf(2));
		cells.put("t3.new.total", BigDecimal.valueOf(2));
		cells.put("t3.r1.naturalPerson", BigDecimal.valueOf(1));
		cells.put("t3.r1.total", BigDecimal.valueOf(1));
		cells.put("t3.r6.naturalPerson", BigDecimal.valueOf(1));
		cells.put("t3.r6.total", BigDecimal.valueOf(1));
		cells.put("t3.rTotal.naturalPerson", BigDecimal.valueOf(2));
		cells.put("t3.rTotal.total", BigDecimal.valueOf(2));
		ReportImportInput input = new ReportImportInput(czj, 2020, ReportFormat.F2019, new ReportCells(cells),
				"2020年总体情况", "问题与改进", "无", LocalDate.of(2021, 1, 29), "http://www.yiyuan.gov.cn/old/2020.html");

		Map<String, BigDecimal> broken = new LinkedHashMap<>(cells);
		broken.put("t3.rTotal.naturalPerson", BigDecimal.ONE);
		broken.put("t3.rTotal.total", BigDecimal.ONE);
		broken.put("t3.r6.naturalPerson", BigDecimal.ZERO);
		broken.put("t3.r6.total", BigDecimal.ZERO);
		assertThatThrownBy(() -> as("czj-editor", czj, Role.EDITOR, () -> management.importHistory(new ReportImportInput(czj,
				2020, ReportFormat.F2019, new ReportCells(broken), "一", "五", "六", LocalDate.of(2021, 1, 29), null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::message)
				.containsExactly("V1：自然人列 本年新收+上年结转 ≠ 办理结果总计+结转下年（2+0 ≠ 1+0）",
						"V1：总计列 本年新收+上年结转 ≠ 办理结果总计+结转下年（2+0 ≠ 1+0）"));
		assertThat(queries.publishedVersions(czj, 2020)).isEmpty();
		assertThatThrownBy(() -> as("czj-editor", czj, Role.EDITOR, () -> management.importHistory(new ReportImportInput(czj,
				2022, ReportFormat.F2019, new ReportCells(Map.of("t2.bogus.x", BigDecimal.ONE)), "一", "五", "六", null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(InvalidInputException.FieldProblem::field)
				.containsExactlyInAnyOrder("format", "publishedOn", "t2.bogus.x"));

		ReportSummary imported = as("czj-editor", czj, Role.EDITOR, () -> management.importHistory(input));
		assertThat(imported.status()).isEqualTo(ReportStatus.PUBLISHED);
		assertThat(imported.imported()).isTrue();
		assertThat(imported.format()).isEqualTo(ReportFormat.F2019);
		assertThat(queries.published(czj, 2020)).get().satisfies(v -> {
			assertThat(v.cells().get("t2.licences.change")).isEqualByComparingTo("-3");
			assertThat(v.cells().get("t2.procurement.amount")).isEqualByComparingTo("125.5");
			assertThat(v.publishedOn()).isEqualTo(LocalDate.of(2021, 1, 29));
			assertThat(v.imported()).isTrue();
		});
		assertThat(as("czj-editor", czj, Role.EDITOR, () -> queries.cellRecords(imported.reportId(), "t3.new.total"))).isEmpty();
		ReportWork work = as("czj-editor", czj, Role.EDITOR, () -> queries.work(imported.reportId())).orElseThrow();
		assertThat(work.facts()).isEqualTo(ReportFacts.none(2020));
		assertThat(work.history()).extracting(ReportEvent::action).containsExactly("导入历史报告");
		assertThatThrownBy(() -> as("czj-editor", czj, Role.EDITOR, () -> management.importHistory(input)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
		assertThatThrownBy(() -> as("czj-editor", czj, Role.EDITOR, () -> management.correct(czj, 2020, "更正")))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void theSupervisorSeesEverySubordinateAgencyWithItsDeadlineAndTheSumOfTheirCells() {
		long zrj = agencies.requireByCode("yiyuan-zrj").id();
		long lucun = agencies.requireByCode("yiyuan-lucun").id();
		as("zrj-editor", zrj, Role.EDITOR, () -> management.start(zrj, 2025));
		assertThatThrownBy(() -> as("zrj-editor", zrj, Role.EDITOR, () -> rollup.status(2025)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		List<RollupRow> rows = asSupervisor(() -> rollup.status(2025));
		assertThat(rows).extracting(RollupRow::agencyCode).contains("yiyuan", "yiyuan-fgj", "yiyuan-zrj", "yiyuan-lucun");
		RollupRow zrjRow = rows.stream().filter(r -> r.agencyId() == zrj).findFirst().orElseThrow();
		assertThat(zrjRow.current().status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(zrjRow.late()).isTrue();
		assertThat(zrjRow.daysLeft()).isEqualTo(-30L);
		RollupRow lucunRow = rows.stream().filter(r -> r.agencyId() == lucun).findFirst().orElseThrow();
		assertThat(lucunRow.deadline().statutory()).isFalse();
		assertThat(lucunRow.deadline().dueOn()).isEqualTo(LocalDate.of(2026, 2, 20));
		RollupRow countyRow = rows.stream().filter(r -> r.agencyId() == county).findFirst().orElseThrow();
		assertThat(countyRow.deadline().dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(countyRow.late()).isFalse();
		assertThat(countyRow.daysLeft()).isEqualTo(29L);

		ReportCells summary = asSupervisor(() -> rollup.summary(2025));
		List<ReportCells> current = new ArrayList<>();
		for (RollupRow r : rows) {
			if (r.current() != null) {
				current.add(asSupervisor(() -> queries.work(r.current().reportId())).orElseThrow().view().cells());
			}
		}
		for (String key : List.of("t3.new.total", "t3.rTotal.naturalPerson", "t2.licences.decisions")) {
			BigDecimal sum = current.stream().map(c -> c.get(key)).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(summary.get(key)).as(key).isEqualByComparingTo(sum);
		}
	}

	@Test
	void remindersAreRecordedOncePerThresholdBeforeTheDeadlineAndWhenOverdue() {
		long scj = agencies.requireByCode("yiyuan-scj").id();
		long dongli = agencies.requireByCode("yiyuan-dongli").id();
		clock.today(LocalDate.of(2027, 1, 20));
		int first = Actors.callAsSystem(management::sendReminders);
		assertThat(first).isPositive();
		assertThat(Actors.callAsSystem(management::sendReminders)).isZero();
		List<ReportReminder> reminders = as("scj-editor", scj, Role.EDITOR, () -> queries.reminders(scj));
		assertThat(reminders).singleElement().satisfies(r -> {
			assertThat(r.year()).isEqualTo(2026);
			assertThat(r.daysLeft()).isEqualTo(11);
			assertThat(r.dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
			assertThat(r.message()).contains("2026年度").contains("还有11天").contains("尚未起草");
		});
		assertThat(as("x", dongli, Role.EDITOR, () -> queries.reminders(dongli))).isEmpty();
		clock.today(LocalDate.of(2027, 2, 2));
		Actors.callAsSystem(management::sendReminders);
		assertThat(as("scj-editor", scj, Role.EDITOR, () -> queries.reminders(scj))).first()
			.satisfies(r -> assertThat(r.message()).contains("已逾期"));
		assertThat(as("x", dongli, Role.EDITOR, () -> queries.reminders(dongli))).singleElement()
			.satisfies(r -> assertThat(r.daysLeft()).isEqualTo(18));
		assertThatThrownBy(() -> as("x", dongli, Role.EDITOR, () -> queries.reminders(scj)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void theApiShowsThePublicOnlyPublishedVersionsAndStaffTheirWorkingVersion() throws Exception {
		long bgs = agencies.requireByCode("yiyuan-bgs").id();
		long id = as("bgs-admin", bgs, Role.AGENCY_ADMIN, () -> management.start(bgs, 2024)).view().reportId();

		HttpResponse<String> none = get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", null);
		assertThat(none.statusCode()).isEqualTo(404);
		assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(JSON.readTree(none.body()).path("status").asInt()).isEqualTo(404);
		assertThat(none.body()).doesNotContain("本年新收");

		HttpResponse<String> bad = get("/api/v1/reports/annual?agency=yiyuan-bgs&year=99", null);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).path("errors").get(0).path("field").asString()).isEqualTo("year");
		assertThat(get("/api/v1/reports/annual?agency=nobody&year=2024", null).statusCode()).isEqualTo(404);

		String basic = "Basic " + Base64.getEncoder().encodeToString(("bgs-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> staff = get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", basic);
		assertThat(staff.statusCode()).isEqualTo(200);
		JsonNode working = JSON.readTree(staff.body());
		assertThat(working.path("status").asString()).isEqualTo("DRAFT");
		assertThat(working.path("version").asInt()).isEqualTo(1);
		assertThat(working.path("format").asString()).isEqualTo("2021");
		assertThat(working.path("sections").path("one").asString()).contains("（一）主动公开");
		// another agency's staff are the public here
		String other = "Basic " + Base64.getEncoder().encodeToString(("nyj-editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		assertThat(get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", other).statusCode()).isEqualTo(404);

		as("bgs-admin", bgs, Role.AGENCY_ADMIN, () -> management.submit(id));
		as("bgs-reviewer", bgs, Role.REVIEWER, () -> management.review(id, null));
		as("bgs-leader", bgs, Role.APPROVER, () -> management.approve(id, null));
		as("bgs-admin", bgs, Role.AGENCY_ADMIN, () -> management.publish(id));
		as("bgs-admin", bgs, Role.AGENCY_ADMIN, () -> management.correct(bgs, 2024, "补充第六部分"));

		HttpResponse<String> pub = get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", null);
		assertThat(pub.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(pub.body());
		assertThat(body.path("agency").asString()).isEqualTo("yiyuan-bgs");
		assertThat(body.path("year").asInt()).isEqualTo(2024);
		assertThat(body.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(body.path("version").asInt()).isEqualTo(1);
		assertThat(body.path("publishedOn").asString()).isEqualTo("2026-03-02");
		assertThat(body.path("sections").has("one")).isTrue();
		assertThat(body.path("sections").path("six").asString()).contains("（一）收取信息处理费情况");
		assertThat(body.path("table2").path("rules").path("issued").isNumber()).isTrue();
		assertThat(body.path("table2").path("normativeDocuments").path("inForce").isNumber()).isTrue();
		assertThat(body.path("table2").path("licences").isNumber()).isTrue();
		assertThat(body.path("table2").path("compulsoryMeasures").isNumber()).isTrue();
		assertThat(body.path("table2").has("feesTenThousandYuan")).isTrue();
		assertThat(body.path("table3").path("rows").path("new").path("naturalPerson").isNumber()).isTrue();
		assertThat(body.path("table3").path("rows").path("rTotal").path("total").isNumber()).isTrue();
		assertThat(body.path("table3").path("rows").size()).isEqualTo(25);
		assertThat(body.path("table4").path("reconsideration").path("total").isNumber()).isTrue();
		assertThat(body.path("table4").path("litigationAfterReconsideration").path("pending").isNumber()).isTrue();
		assertThat(body.path("versions").size()).isEqualTo(1);
		assertThat(body.path("corrections").size()).isZero();
		// the staff see the correction in draft
		assertThat(JSON.readTree(get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", basic).body()).path("version").asInt())
			.isEqualTo(2);

		// the agency's token with scope reports reads the working version too
		String token = as("bgs-admin", bgs, Role.AGENCY_ADMIN,
				() -> tokens.issue("yiyuan-bgs", "报表工具", List.of("reports"), 30)).token();
		JsonNode viaToken = JSON.readTree(get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", "Bearer " + token).body());
		assertThat(viaToken.path("status").asString()).isEqualTo("DRAFT");
		assertThat(viaToken.path("correctionNote").asString()).isEqualTo("补充第六部分");
		as("bgs-admin", bgs, Role.AGENCY_ADMIN, () -> management.submit(v2Of(bgs)));
		as("bgs-reviewer", bgs, Role.REVIEWER, () -> management.review(v2Of(bgs), null));
		as("bgs-leader", bgs, Role.APPROVER, () -> management.approve(v2Of(bgs), null));
		as("bgs-admin", bgs, Role.AGENCY_ADMIN, () -> management.publish(v2Of(bgs)));
		JsonNode corrected = JSON.readTree(get("/api/v1/reports/annual?agency=yiyuan-bgs&year=2024", null).body());
		assertThat(corrected.path("version").asInt()).isEqualTo(2);
		assertThat(corrected.path("versions").size()).isEqualTo(2);
		assertThat(corrected.path("corrections").size()).isEqualTo(1);
		assertThat(corrected.path("corrections").get(0).path("reason").asString()).isEqualTo("补充第六部分");
		assertThat(corrected.path("corrections").get(0).path("publishedOn").asString()).isEqualTo("2026-03-02");
	}

	private long v2Of(long agencyId) {
		return jdbc.sql("SELECT id FROM rp_report WHERE agency_id = ? AND report_year = 2024 AND version = 2")
			.param(agencyId)
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private InfoRequest received(long agency, LocalDate on, ApplicantType type) {
		Application application = type == ApplicantType.NATURAL_PERSON
				? new Application(type, "王小明", IdType.RESIDENT_ID, "11010519491231002X", null, "13800001234", null,
						"沂源县南麻街道1号", null, "请公开2024年度重点项目审批清单", ProvisionForm.PAPER, ObtainMethod.POST)
				: new Application(type, "沂源县某某建材有限公司", IdType.CREDIT_CODE, company(), "王小明", "13800001234", null,
						"沂源县南麻街道2号", null, "请公开某项目环评批复", ProvisionForm.PAPER, ObtainMethod.POST);
		return requests.enter(agency, SubmissionChannel.IN_PERSON, on, application);
	}

	private void reply(InfoRequest r, Outcome outcome, LocalDate on) {
		requests.reply(r.id(), new InfoRequestManagement.Reply(outcome, on, null,
				outcome.needsReason() ? "本机关不掌握该信息" : null, "答复内容", null, null));
	}

	private static String company() {
		String first17 = "9137032" + String.format("%010d", NUMBERS.incrementAndGet());
		return first17 + CreditCode.checkCharacter(first17);
	}

	private <T> T asSupervisor(Supplier<T> work) {
		return run(new Actor(1001, "gkb", "gkb", county, List.of(new RoleGrant(Role.SUPERVISOR, county, true)), Set.of(),
				false), work);
	}

	private <T> T as(String username, long agencyId, Role role, Supplier<T> work) {
		return run(actor(username, agencyId, role), work);
	}

	private void as(String username, long agencyId, Role role) {
		Actor actor = actor(username, agencyId, role);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((ActorHolder) () -> actor, null, List.of()));
	}

	private static Actor actor(String username, long agencyId, Role role) {
		return new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, false)), Set.of(), false);
	}

	private static <T> T run(Actor actor, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((ActorHolder) () -> actor, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
