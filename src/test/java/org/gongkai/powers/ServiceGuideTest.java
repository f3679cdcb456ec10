package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service lists and guides: the completeness report names the missing key elements, only published guides reach the
 * public, each list imports all or nothing and its export re-imports unchanged.
 */
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@DirtiesContext
class ServiceGuideTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("gongkai-services-").toString();
		registry.add("gongkai.data-dir", () -> dir);
	}

	@Autowired
	ServiceItems serviceItems;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ServiceManagement management;

	@Autowired
	ServiceQueries queries;

	@Autowired
	ServiceGuideCompleteness completeness;

	@Autowired
	ListWorkbookImports workbooks;

	@Autowired
	AgencyDirectory agencies;

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	void as(String username, String agencyCode, Role role) {
		long agencyId = agencies.requireByCode(agencyCode).id();
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, false)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	static ServiceGuideDetails guide(String fees, String process) {
		return new ServiceGuideDetails("企业投资项目备案", "《企业投资项目核准和备案管理条例》第十三条", "在本县行政区域内建设的企业投资项目",
				"项目备案信息表", "县政务服务中心二楼", "县发展和改革局", fees, "工作日 9:00-17:00", "0533-3241234", process, "即时办结",
				null, null);
	}

	@Test
	void aGuideMissingTheFeesAndTheProcessIsReportedWithBothNames() {
		as("fgj-editor", "yiyuan-fgj", Role.EDITOR);
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		ServiceItem item = management.add(fgj, new ServiceItemDetails(ServiceKind.PUBLIC_SERVICE, "企业投资项目备案", "条例",
				"县发展和改革局", null, null, null));
		ServiceGuide saved = management.saveGuide(item.id(), guide(" ", null));
		assertThat(saved.missing()).containsExactly("收费标准", "办理流程");

		List<ServiceGuideCompleteness.Incomplete> report = completeness.incompleteGuides(List.of(fgj));
		assertThat(report).filteredOn(i -> i.itemId() == item.id())
			.singleElement()
			.satisfies(i -> assertThat(i.missing()).containsExactly("收费标准", "办理流程"));
		int before = completeness.incompleteCount(fgj);
		assertThat(before).isGreaterThanOrEqualTo(1);
		assertThat(completeness.incompleteCountByAgency()).containsEntry(fgj, before);

		management.saveGuide(item.id(), guide("不收费", "申请—受理—备案"));
		assertThat(completeness.incompleteCount(fgj)).isEqualTo(before - 1);
	}

	@Test
	void aGuideElementLongerThanItsColumnIsAFieldErrorNotAServerError() {
		as("fgj-editor", "yiyuan-fgj", Role.EDITOR);
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		ServiceItem item = management.add(fgj, new ServiceItemDetails(ServiceKind.PUBLIC_SERVICE, "固定资产投资项目节能审查", "办法",
				"县发展和改革局", null, null, null));
		ServiceGuideDetails ok = guide("不收费", "申请—受理—审查");
		ServiceGuideDetails tooLong = new ServiceGuideDetails("名".repeat(201), ok.basis(), ok.conditions(), ok.materials(),
				"址".repeat(501), "局".repeat(201), "费".repeat(1001), "时".repeat(501), "1".repeat(101), ok.process(),
				"日".repeat(201), "询".repeat(501), "诉".repeat(501));
		assertThatThrownBy(() -> management.saveGuide(item.id(), tooLong))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.problems()).extracting(FieldProblem::field)
					.containsExactlyInAnyOrder("itemName", "place", "handlingBody", "fees", "officeHours", "phone", "timeLimit",
							"consultation", "complaints");
				assertThat(e.problems()).filteredOn(p -> p.field().equals("phone")).singleElement()
					.satisfies(p -> assertThat(p.message()).isEqualTo("联系电话不超过100个字"));
				assertThat(e.problems()).filteredOn(p -> p.field().equals("fees")).singleElement()
					.satisfies(p -> assertThat(p.message()).isEqualTo("收费标准不超过1000个字"));
			});
		assertThat(queries.publishedGuide(item.id())).isEmpty();

		// exactly the column sizes are saved
		ServiceGuideDetails fits = new ServiceGuideDetails("名".repeat(200), ok.basis(), ok.conditions(), ok.materials(),
				"址".repeat(500), "局".repeat(200), "费".repeat(1000), "时".repeat(500), "1".repeat(100), ok.process(),
				"日".repeat(200), "询".repeat(500), "诉".repeat(500));
		assertThat(management.saveGuide(item.id(), fits).details()).isEqualTo(fits);
	}

	@Test
	void anItemWithoutAGuideMissesAllTenElementsInTheReportAndTheCounts() {
		as("jtj-editor", "yiyuan-jtj", Role.EDITOR);
		long jtj = agencies.requireByCode("yiyuan-jtj").id();
		int before = completeness.incompleteCount(jtj);
		ServiceItem item = management.add(jtj, new ServiceItemDetails(ServiceKind.PUBLIC_SERVICE, "教师资格认定", "《教师资格条例》",
				"县教育和体育局", null, null, null));
		// a fee has no guide and is never reported
		ServiceItem fee = management.add(jtj, new ServiceItemDetails(ServiceKind.FEE, "普通话测试费", "鲁价费发〔2015〕3号", null,
				"每人次50元", "人次", null));

		List<ServiceGuideCompleteness.Incomplete> report = completeness.incompleteGuides(List.of(jtj));
		assertThat(report).filteredOn(i -> i.itemId() == item.id())
			.singleElement()
			.satisfies(i -> {
				assertThat(i.itemName()).isEqualTo("教师资格认定");
				assertThat(i.published()).isFalse();
				assertThat(i.missing()).containsExactlyElementsOf(ServiceGuideDetails.KEY_ELEMENTS.values());
			});
		assertThat(report).noneMatch(i -> i.itemId() == fee.id());
		assertThat(completeness.incompleteCount(jtj)).isEqualTo(before + 1);
		assertThat(completeness.incompleteCountByAgency()).containsEntry(jtj, before + 1);

		// a complete guide takes it off the report
		management.saveGuide(item.id(), guide("不收费", "申请—受理—认定"));
		assertThat(completeness.incompleteGuides(List.of(jtj))).noneMatch(i -> i.itemId() == item.id());
		assertThat(completeness.incompleteCount(jtj)).isEqualTo(before);
	}

	@Test
	void onlyPublishedGuidesArePublic() {
		as("fgj-admin", "yiyuan-fgj", Role.AGENCY_ADMIN);
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		ServiceItem item = management.add(fgj, new ServiceItemDetails(ServiceKind.INTERMEDIARY, "节能评估报告编制", "《固定资产投资项目节能审查办法》",
				"有资质的中介机构", null, null, null));
		assertThatThrownBy(() -> management.publishGuide(item.id(), true)).isInstanceOf(DomainException.class);
		management.saveGuide(item.id(), guide("按合同约定", "委托—编制—评审"));
		assertThat(queries.publishedGuide(item.id())).isEmpty();
		management.publishGuide(item.id(), true);
		assertThat(queries.publishedGuide(item.id())).isPresent();
		management.publishGuide(item.id(), false);
		assertThat(queries.publishedGuide(item.id())).isEmpty();

		as("nyj-editor", "yiyuan-nyj", Role.EDITOR);
		assertThatThrownBy(() -> management.publishGuide(item.id(), true))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void aFeeListImportsAllOrNothingAndItsExportReimportsUnchanged() {
		as("nyj-editor", "yiyuan-nyj", Role.EDITOR);
		long nyj = agencies.requireByCode("yiyuan-nyj").id();
		List<String> headers = ListWorkbookImports.serviceHeaders(ServiceKind.FEE);
		byte[] bad = ListWorkbook.write("收费目录", headers, List.of(Arrays.asList("农机监理费", "鲁价费发〔2015〕1号", "每台50元", "台", null),
				Arrays.asList("兽医检疫费", "鲁价费发〔2015〕2号", null, "头", null)));
		assertThatThrownBy(() -> workbooks.importServices(nyj, ServiceKind.FEE, "收费.xlsx", bad.length, new ByteArrayInputStream(bad)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
				.contains("row3.收费标准"));
		assertThat(queries.ofAgency(nyj, ServiceKind.FEE)).isEmpty();

		byte[] good = ListWorkbook.write("收费目录", headers, List.of(Arrays.asList("农机监理费", "鲁价费发〔2015〕1号", "每台50元", "台", null),
				Arrays.asList("兽医检疫费", "鲁价费发〔2015〕2号", "每头5元", "头", "暂停征收")));
		assertThat(workbooks.importServices(nyj, ServiceKind.FEE, "收费.xlsx", good.length, new ByteArrayInputStream(good)).created())
			.isEqualTo(2);
		List<ServiceItem> before = queries.ofAgency(nyj, ServiceKind.FEE);
		byte[] exported = workbooks.exportServices(nyj, ServiceKind.FEE);
		assertThat(workbooks.importServices(nyj, ServiceKind.FEE, "收费.xlsx", exported.length, new ByteArrayInputStream(exported)))
			.isEqualTo(new ServiceManagement.ImportResult(0, 0, 2));
		assertThat(queries.ofAgency(nyj, ServiceKind.FEE)).isEqualTo(before);
	}

	@Test
	void twoFirstSavesOfAGuideDoNotCollideTheSecondUpdates() throws Exception {
		as("fgj-editor", "yiyuan-fgj", Role.EDITOR);
		long fgj = agencies.requireByCode("yiyuan-fgj").id();
		ServiceItem item = management.add(fgj, new ServiceItemDetails(ServiceKind.PUBLIC_SERVICE, "并发保存的事项", "条例", "县发展和改革局",
				null, null, null));
		Instant at = Instant.now();
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
			serviceItems.saveGuide(new ServiceGuide(item.id(), fgj, guide("不收费", "第一次"), false, null, "first", at));
			inserted.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(s -> serviceItems.saveGuide(new ServiceGuide(item.id(), fgj, guide("不收费", "第二次"), false, null, "second", at))));
		Thread.sleep(400);
		release.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(serviceItems.guide(item.id())).hasValueSatisfying(g -> assertThat(g.updatedBy()).isEqualTo("second"));
	}
}
