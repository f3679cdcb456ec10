package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The power list against the rules: a version per adjustment with its reason and date, imports that save nothing
 * from a file with one bad row and name it, the export re-importing unchanged, the comparison across levels, the
 * power types as data. Runs on H2 with the demo county, acting as its demo staff.
 */
@SpringBootTest(properties = { "gongkai.demo.enabled=true", "gongkai.demo.password=Demo-Test-2026",
		"gongkai.admin.password=Gongkai-Test-2026" })
@RecordApplicationEvents
@DirtiesContext
class PowerListTest {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		String dir = Files.createTempDirectory("gongkai-powers-").toString();
		registry.add("gongkai.data-dir", () -> dir);
	}

	private static final AtomicInteger CODES = new AtomicInteger(100);

	@Autowired
	PowerManagement management;

	@Autowired
	PowerQueries queries;

	@Autowired
	ListWorkbookImports workbooks;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	ApplicationEvents events;

	long fgj;

	long nyj;

	long county;

	@BeforeEach
	void setUp() {
		fgj = agencies.requireByCode("yiyuan-fgj").id();
		nyj = agencies.requireByCode("yiyuan-nyj").id();
		county = agencies.requireByCode("yiyuan").id();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	void as(String username, long agencyId, Role role, boolean subtree) {
		Actor actor = new Actor(agencyId * 100 + role.ordinal(), username, username, agencyId,
				List.of(new RoleGrant(role, agencyId, subtree)), Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
	}

	void asEditor() {
		as("fgj-editor", fgj, Role.EDITOR, false);
	}

	static String code() {
		return "3703230" + CODES.incrementAndGet() + "-XK";
	}

	static PowerDetails licence(String code, String basis) {
		return new PowerDetails(code, "固定资产投资项目核准", "LICENSING", basis, null, null, "投资科", "受理：对申请材料进行审查\n决定：作出核准决定",
				"对符合条件的不予核准的", "0533-3241234");
	}

	@Test
	void everyAdjustmentIsANewVersionWithItsReasonAndDateAndTheHistoryIsPublic() {
		asEditor();
		PowerItem added = management.add(fgj, licence(code(), "《企业投资项目核准和备案管理条例》第三条"), "依据条例新增",
				LocalDate.of(2026, 3, 1));
		assertThat(added.currentVersion()).isEqualTo(1);
		assertThat(added.details().level()).isEqualTo(AgencyLevel.COUNTY);
		assertThat(added.details().implementingBody()).isEqualTo("沂源县发展和改革局");
		assertThat(added.responsibilityItems()).extracting(PowerResponsibility::stage).containsExactly("受理", "决定");

		PowerDetails changed = new PowerDetails(added.code(), "企业投资项目核准", "LICENSING", added.details().basis(), null,
				null, "投资科", added.details().responsibilities(), added.details().accountability(), "0533-3241234");
		PowerItem adjusted = management.adjust(added.id(), changed, "事项名称按省级通用目录统一", LocalDate.of(2026, 4, 1));
		assertThat(adjusted.currentVersion()).isEqualTo(2);
		assertThat(adjusted.name()).isEqualTo("企业投资项目核准");

		// nothing changed: refused; no reason: a field error
		assertThatThrownBy(() -> management.adjust(added.id(), changed, "再次调整", null)).isInstanceOf(DomainException.class)
			.hasMessageContaining("没有变化");
		assertThatThrownBy(() -> management.remove(added.id(), " ", null)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("reason"));

		PowerItem removed = management.remove(added.id(), "职能划转至县行政审批服务局", LocalDate.of(2026, 5, 1));
		assertThat(removed.status()).isEqualTo(PowerStatus.REMOVED);
		SecurityContextHolder.clearContext();

		List<PowerVersion> history = queries.history(added.id());
		assertThat(history).extracting(PowerVersion::versionNo).containsExactly(3, 2, 1);
		assertThat(history).extracting(PowerVersion::changeKind)
			.containsExactly(PowerChangeKind.REMOVED, PowerChangeKind.ADJUSTED, PowerChangeKind.ADDED);
		assertThat(history).extracting(PowerVersion::reason).containsExactly("职能划转至县行政审批服务局", "事项名称按省级通用目录统一", "依据条例新增");
		assertThat(history).extracting(PowerVersion::effectiveOn)
			.containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1));
		assertThat(history.get(2).snapshot().name()).isEqualTo("固定资产投资项目核准");
		assertThat(history.get(1).changedBy()).isEqualTo("fgj-editor");
		assertThat(queries.publicItem(added.id())).isPresent();
		assertThat(queries.currentPage(fgj, null, added.code(), 1, 20).items()).isEmpty();
		assertThat(events.stream(PublicPowerChanged.class).filter(e -> e.itemId() == added.id()))
			.extracting(PublicPowerChanged::isPublic)
			.containsExactly(true, true, false);
	}

	@Test
	void onlyTheAgencysEditorsAndAdministratorsKeepItsList() {
		as("nyj-editor", nyj, Role.EDITOR, false);
		assertThatThrownBy(() -> management.add(fgj, licence(code(), "依据"), "新增", null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		as("gkb", county, Role.SUPERVISOR, true);
		assertThatThrownBy(() -> management.add(fgj, licence(code(), "依据"), "新增", null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		queries.requireVisible(fgj);
	}

	@Test
	void anImportWithOneBadRowSavesNothingAndNamesTheRow() throws IOException {
		asEditor();
		String a = code();
		String b = code();
		byte[] file = workbook(List.of(row(a, "企业投资项目备案", "行政许可", "《企业投资项目核准和备案管理条例》"),
				row(b, "价格违法行为处罚", "行政审批", "《价格法》第三十九条"),
				row(a, "重复编码的事项", "行政处罚", "《价格法》")));
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "权责清单.xlsx", file.length, new ByteArrayInputStream(file), "年度调整",
				null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.getMessage()).contains("未导入任何内容");
				assertThat(e.problems()).extracting(FieldProblem::field).contains("row3.事项类型", "row4.事项编码");
				assertThat(e.problems()).extracting(FieldProblem::message)
					.anySatisfy(m -> assertThat(m).startsWith("第3行“事项类型”").contains("行政审批"))
					.anySatisfy(m -> assertThat(m).startsWith("第4行“事项编码”").contains("与第2行重复"));
			});
		assertThat(queries.ofAgency(fgj, false)).extracting(PowerItem::code).doesNotContain(a, b);

		// a missing basis and a bad code are named too
		byte[] missing = workbook(List.of(row("编码 有空格", "事项", "行政许可", null)));
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "a.xlsx", missing.length, new ByteArrayInputStream(missing), "调整", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
				.contains("row2.事项编码", "row2.设定依据"));
	}

	@Test
	void notAnXlsxOrAnotherLayoutIsRefusedWithAClearMessage() throws IOException {
		asEditor();
		byte[] csv = "事项编码,事项名称\n1,2\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "list.csv", csv.length, new ByteArrayInputStream(csv), "调整", null))
			.hasMessageContaining(".xlsx");
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "list.xlsx", csv.length, new ByteArrayInputStream(csv), "调整", null))
			.hasMessageContaining("不是有效的 Excel");
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "list.xlsx", ListWorkbook.MAX_BYTES + 1,
				new ByteArrayInputStream(csv), "调整", null)).hasMessageContaining("5MB");
		byte[] other = ListWorkbook.write("表", List.of("名称", "类型"), List.of(List.of("a", "b")));
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "list.xlsx", other.length, new ByteArrayInputStream(other), "调整", null))
			.hasMessageContaining("表头应依次为");
	}

	@Test
	void theExportReimportsUnchangedAndAnImportAdjustsWithTheReason() throws IOException {
		as("fgj-admin", nyj, Role.AGENCY_ADMIN, false);
		String a = code();
		String b = code();
		byte[] file = workbook(List.of(row(a, "农药经营许可", "行政许可", "《农药管理条例》第二十四条"),
				row(b, "对违法经营农药的处罚", "行政处罚", "《农药管理条例》第五十五条\n第五十六条")));
		PowerManagement.ImportResult first = workbooks.importPowers(nyj, "清单.xlsx", file.length, new ByteArrayInputStream(file),
				"2026年清单调整", LocalDate.of(2026, 6, 1));
		assertThat(first.created()).isEqualTo(2);
		List<PowerItem> before = queries.ofAgency(nyj, true);

		byte[] exported = workbooks.exportPowers(nyj);
		PowerManagement.ImportResult again = workbooks.importPowers(nyj, "清单.xlsx", exported.length,
				new ByteArrayInputStream(exported), "核对", null);
		assertThat(again).isEqualTo(new PowerManagement.ImportResult(0, 0, before.size()));
		assertThat(queries.ofAgency(nyj, true)).isEqualTo(before);
		assertThat(workbooks.exportPowers(nyj)).isNotEmpty();

		// a changed basis in the file adjusts the item with the import's reason
		byte[] changed = workbook(List.of(row(a, "农药经营许可", "行政许可", "《农药管理条例》第二十四条、第二十五条")));
		assertThat(workbooks.importPowers(nyj, "清单.xlsx", changed.length, new ByteArrayInputStream(changed), "条例修订",
				LocalDate.of(2026, 7, 1)).adjusted()).isEqualTo(1);
		PowerItem item = queries.ofAgency(nyj, true).stream().filter(i -> i.code().equals(a)).findFirst().orElseThrow();
		assertThat(item.currentVersion()).isEqualTo(2);
		assertThat(queries.history(item.id()).get(0).reason()).isEqualTo("条例修订");
		assertThat(queries.history(item.id()).get(0).effectiveOn()).isEqualTo(LocalDate.of(2026, 7, 1));
	}

	@Test
	void theComparisonFlagsADifferingBasisBetweenTheCountyAndTheCity() {
		String code = code();
		String prefix = "113703" + String.format("%011d", 4_400_000 + CODES.incrementAndGet());
		Agency city = Actors.callAsSystem(() -> agencyManagement.create(new NewAgency("zibo-fgw-" + CODES.incrementAndGet(),
				"淄博市发展和改革委员会", "市发展改革委", AgencyLevel.CITY, AgencyType.DEPARTMENT, null,
				prefix + CreditCode.checkCharacter(prefix), null, null)));
		Actors.callAsSystem(() -> management.add(city.id(), licence(code, "《企业投资项目核准和备案管理条例》第三条、第十条"), "市级目录",
				null));
		asEditor();
		PowerItem county = management.add(fgj, licence(code, "《企业投资项目核准和备案管理条例》第三条"), "对照市级目录新增", null);
		SecurityContextHolder.clearContext();

		PowerComparison c = queries.compare(county);
		assertThat(c.rows()).hasSize(1);
		PowerComparison.Row row = c.rows().get(0);
		assertThat(row.agency().id()).isEqualTo(city.id());
		assertThat(row.item().details().level()).isEqualTo(AgencyLevel.CITY);
		assertThat(row.basisDiffers()).isTrue();
		assertThat(row.nameDiffers()).isFalse();
		assertThat(row.typeDiffers()).isFalse();
		assertThat(c.differs()).isTrue();

		// an item of the same level is no comparison
		as("nyj-editor", nyj, Role.EDITOR, false);
		management.add(nyj, licence(code, "另一依据"), "新增", null);
		assertThat(queries.compare(county).rows()).hasSize(1);
	}

	@Test
	void theTypesAreDataASupervisorKeeps() {
		assertThat(queries.activeTypes()).extracting(PowerType::name)
			.startsWith("行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力");
		asEditor();
		assertThatThrownBy(() -> management.addType("NON_LICENSING", "非行政许可审批", null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		as("gkb", county, Role.SUPERVISOR, true);
		management.addType("NON_LICENSING", "非行政许可审批", null);
		management.changeType("NON_LICENSING", "非行政许可审批事项", null, false);
		asEditor();
		PowerDetails d = new PowerDetails(code(), "某审批", "NON_LICENSING", "依据", null, null, null, null, null, null);
		assertThatThrownBy(() -> management.add(fgj, d, "新增", null)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("typeCode"));
	}

	@Test
	void onlyTheSystemAdministratorOrASupervisorOfARootAgencysSubtreeKeepsTheTypes() {
		// a department's supervisor, even over its subtree, is not the county's 政务公开办
		as("fgj-supervisor", fgj, Role.SUPERVISOR, true);
		assertThatThrownBy(() -> management.addType("DEPT_TYPE", "部门自定类型", null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> management.changeType("LICENSING", "许可", null, false))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThat(management.mayKeepTypes(Actors.require())).isFalse();
		// a supervisor of the root agency alone (no subtree grant) neither
		as("yiyuan-supervisor", county, Role.SUPERVISOR, false);
		assertThatThrownBy(() -> management.addType("ROOT_ONLY", "仅本级类型", null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThat(queries.types()).extracting(PowerType::code).doesNotContain("DEPT_TYPE", "ROOT_ONLY");
		assertThat(queries.types()).filteredOn(t -> t.code().equals("LICENSING")).singleElement()
			.satisfies(t -> assertThat(t.active()).isTrue());
		// the root's supervisor over its subtree and the system administrator may
		as("gkb", county, Role.SUPERVISOR, true);
		assertThat(management.mayKeepTypes(Actors.require())).isTrue();
		assertThat(management.mayKeepTypes(Actor.system())).isTrue();
	}

	@Test
	void anAdjustmentOrAnImportWithoutALevelKeepsTheItemsLevel() throws IOException {
		as("nyj-editor", nyj, Role.EDITOR, false);
		String a = code();
		// the API may set a level other than the agency's
		PowerDetails d = new PowerDetails(a, "农作物种子生产经营许可", "LICENSING", "《种子法》第三十一条", AgencyLevel.CITY, null,
				"种子站", null, null, null);
		PowerItem added = management.add(nyj, d, "市级下放", null);
		assertThat(added.details().level()).isEqualTo(AgencyLevel.CITY);

		// the console's adjust form has no level field: the item keeps its level
		PowerDetails form = new PowerDetails(a, "农作物种子生产经营许可（延续）", "LICENSING", "《种子法》第三十一条", null, null, "种子站", null,
				null, null);
		PowerItem adjusted = management.adjust(added.id(), form, "名称调整", null);
		assertThat(adjusted.details().level()).isEqualTo(AgencyLevel.CITY);
		assertThat(queries.history(added.id()).get(0).snapshot().level()).isEqualTo(AgencyLevel.CITY);

		// export → re-import is a no-op for it
		List<PowerItem> before = queries.ofAgency(nyj, true);
		byte[] exported = workbooks.exportPowers(nyj);
		assertThat(workbooks.importPowers(nyj, "清单.xlsx", exported.length, new ByteArrayInputStream(exported), "核对", null))
			.isEqualTo(new PowerManagement.ImportResult(0, 0, before.size()));
		assertThat(queries.ofAgency(nyj, true)).isEqualTo(before);

		// an import changing another field adjusts it and keeps the level; a new row takes the agency's level
		String b = code();
		byte[] changed = workbook(List.of(row(a, "农作物种子生产经营许可（延续）", "行政许可", "《种子法》第三十一条、第三十二条"),
				row(b, "种子质量检查", "行政检查", "《种子法》第四十七条")));
		assertThat(workbooks.importPowers(nyj, "清单.xlsx", changed.length, new ByteArrayInputStream(changed), "法律修订", null))
			.isEqualTo(new PowerManagement.ImportResult(1, 1, 0));
		assertThat(queries.ofAgency(nyj, true)).filteredOn(i -> i.code().equals(a)).singleElement()
			.satisfies(i -> assertThat(i.details().level()).isEqualTo(AgencyLevel.CITY));
		assertThat(queries.ofAgency(nyj, true)).filteredOn(i -> i.code().equals(b)).singleElement()
			.satisfies(i -> assertThat(i.details().level()).isEqualTo(AgencyLevel.COUNTY));
	}

	@Test
	void aHighlyCompressedWorkbookIsRefusedBeforeItIsParsed() throws IOException {
		asEditor();
		byte[] template = workbook(List.of(row(code(), "事项", "行政许可", "依据")));
		// the shared strings inflate to 30 MB of one letter, the file itself stays small
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("xl/sharedStrings.xml")) {
					zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
							+ "spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>").getBytes(StandardCharsets.UTF_8));
					byte[] chunk = "A".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
					for (int i = 0; i < 30; i++) {
						zip.write(chunk);
					}
					zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		byte[] bomb = out.toByteArray();
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThatThrownBy(() -> workbooks.importPowers(fgj, "清单.xlsx", bomb.length, new ByteArrayInputStream(bomb), "调整", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("file");
				assertThat(e.getMessage()).contains("文件过大或格式异常");
			});
		// the guard itself, without POI
		assertThatThrownBy(() -> ListWorkbook.checkInflatedSizes(bomb)).hasMessageContaining("文件过大或格式异常");
		ListWorkbook.checkInflatedSizes(template);
	}

	static List<String> row(String code, String name, String type, String basis) {
		return java.util.Arrays.asList(code, name, type, basis, null, "综合科", "立案：依法立案\n决定：作出处理决定", "不履行职责的", "0533-3241234");
	}

	/** A workbook built here with POI, in the layout of the power list. */
	static byte[] workbook(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("权责清单");
			Row head = sheet.createRow(0);
			for (int c = 0; c < ListWorkbookImports.POWER_HEADERS.size(); c++) {
				head.createCell(c).setCellValue(ListWorkbookImports.POWER_HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (rows.get(r).get(c) != null) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
