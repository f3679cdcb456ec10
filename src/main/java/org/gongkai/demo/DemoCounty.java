package org.gongkai.demo;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.identity.AccountCommands.NewAccount;
import org.gongkai.identity.AccountManagement;
import org.gongkai.interaction.InteractionManagement;
import org.gongkai.interaction.Mailbox;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyCommands.NewContact;
import org.gongkai.organisation.AgencyCommands.OfficeDetails;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyManagement;
import org.gongkai.organisation.AgencyType;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds 沂源县 (the county of seeds 000 and 003) when {@code gongkai.demo.enabled} is true and the
 * database has no agency yet. Runs once; everything it does is audited as the system.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnProperty(name = "gongkai.demo.enabled", havingValue = "true")
class DemoCounty implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);

	/** 沂源县's administrative division code (GB/T 2260). */
	private static final String DIVISION = "370323";

	private final AgencyManagement agencies;

	private final AgencyDirectory directory;

	private final AccountManagement accounts;

	private final TransactionTemplate transactions;

	private final InteractionManagement interaction;

	private final String configuredPassword;

	private final DemoContent content;

	/** {@code gongkai.demo.content}: publish the demo items too (default); false seeds the county alone. */
	private final boolean withContent;

	private final DemoYear year;

	/** The work plan, training and assessment schemes, seeded after the year of activity (each idempotent). */
	private final DemoOversight oversight;

	/**
	 * {@code gongkai.demo.activity}: generate a year of activity for the annual report after the items (DemoYear).
	 * By default as {@code gongkai.demo.content}, so whatever starts the county without its items starts it without
	 * the year too. The test classpath turns it off ({@code src/test/resources/config/application.properties}).
	 */
	private final boolean withActivity;

	DemoCounty(AgencyManagement agencies, AgencyDirectory directory, AccountManagement accounts,
			TransactionTemplate transactions, InteractionManagement interaction, DemoContent content, DemoYear year, DemoOversight oversight,
			@Value("${gongkai.demo.password:}") String configuredPassword,
			@Value("${gongkai.demo.content:true}") boolean withContent, org.springframework.core.env.Environment environment) {
		this.content = content;
		this.year = year;
		this.oversight = oversight;
		this.withActivity = environment.getProperty("gongkai.demo.activity", Boolean.class, withContent);
		this.withContent = withContent;
		this.interaction = interaction;
		this.agencies = agencies;
		this.directory = directory;
		this.accounts = accounts;
		this.transactions = transactions;
		this.configuredPassword = configuredPassword;
	}

	record Unit(String code, String name, String shortName, AgencyLevel level, AgencyType type, String parent,
			String functions) {
	}

	record Login(String username, String displayName, String agency, Role role) {
	}

	static final List<Unit> UNITS = List.of(
			new Unit("yiyuan", "沂源县人民政府", "县政府", AgencyLevel.COUNTY, AgencyType.PEOPLES_GOVERNMENT, null,
					"执行县人民代表大会及其常务委员会的决议，管理本县行政区域内的经济、教育、科学、文化、卫生、体育事业和财政、民政、公安、司法行政等行政工作。"),
			new Unit("yiyuan-bgs", "沂源县人民政府办公室", "县政府办公室", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"负责县政府日常运转，组织协调、指导监督全县政务公开工作（县政务公开办设在县政府办公室）。"),
			new Unit("yiyuan-fgj", "沂源县发展和改革局", "县发展改革局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"拟订并组织实施全县国民经济和社会发展规划，统筹协调经济社会发展，承担重大建设项目审批、核准、备案工作。"),
			new Unit("yiyuan-jtj", "沂源县教育和体育局", "县教育体育局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"主管全县教育和体育工作，统筹规划和协调管理各级各类教育，负责学校招生和学籍管理。"),
			new Unit("yiyuan-czj", "沂源县财政局", "县财政局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"负责县级财政收支管理，编制县级预决算草案并组织执行，推进预决算公开。"),
			new Unit("yiyuan-zrj", "沂源县自然资源局", "县自然资源局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"负责全县自然资源调查、确权登记和国土空间规划，承担征地补偿安置信息公开。"),
			new Unit("yiyuan-nyj", "沂源县农业农村局", "县农业农村局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"统筹研究和组织实施“三农”工作，负责强农惠农政策落实及补贴资金公开。"),
			new Unit("yiyuan-wjj", "沂源县卫生健康局", "县卫生健康局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"负责全县医疗卫生和健康工作，组织实施公共卫生服务，公开医疗卫生服务信息。"),
			new Unit("yiyuan-scj", "沂源县市场监督管理局", "县市场监管局", AgencyLevel.COUNTY, AgencyType.DEPARTMENT, "yiyuan",
					"负责市场综合监督管理、市场主体登记注册和食品药品安全监管，公示行政许可和行政处罚信息。"),
			new Unit("yiyuan-nanma", "沂源县南麻街道办事处", "南麻街道", AgencyLevel.TOWNSHIP, AgencyType.DISPATCHED_BODY, "yiyuan",
					"县人民政府派出机构，负责辖区经济发展、社会管理和公共服务。"),
			new Unit("yiyuan-lucun", "沂源县鲁村镇人民政府", "鲁村镇", AgencyLevel.TOWNSHIP, AgencyType.PEOPLES_GOVERNMENT, "yiyuan",
					"负责全镇经济社会发展、基层治理和公共服务，推进基层政务公开标准化规范化。"),
			new Unit("yiyuan-dongli", "沂源县东里镇人民政府", "东里镇", AgencyLevel.TOWNSHIP, AgencyType.PEOPLES_GOVERNMENT, "yiyuan",
					"负责全镇经济社会发展、基层治理和公共服务，推进基层政务公开标准化规范化。"),
			new Unit("yiyuan-lucun-fenghuang", "鲁村镇凤凰村村民委员会", "凤凰村", AgencyLevel.VILLAGE, AgencyType.OTHER,
					"yiyuan-lucun", "村民自治组织，负责村务公开和村级事务管理。"));

	static final List<Login> LOGINS = List.of(new Login("gkb", "县政务公开办 王晓梅", "yiyuan", Role.SUPERVISOR),
			new Login("bgs-admin", "县政府办公室 李建国", "yiyuan-bgs", Role.AGENCY_ADMIN),
			new Login("fgj-admin", "县发展改革局 赵明", "yiyuan-fgj", Role.AGENCY_ADMIN),
			new Login("fgj-editor", "县发展改革局 陈静", "yiyuan-fgj", Role.EDITOR),
			new Login("fgj-reviewer", "县发展改革局 刘洋", "yiyuan-fgj", Role.REVIEWER),
			new Login("fgj-leader", "县发展改革局 孙志强", "yiyuan-fgj", Role.APPROVER),
			new Login("fgj-handler", "县发展改革局 周丽", "yiyuan-fgj", Role.REQUEST_HANDLER),
			new Login("nyj-editor", "县农业农村局 吴磊", "yiyuan-nyj", Role.EDITOR),
			new Login("lucun-editor", "鲁村镇 郑红", "yiyuan-lucun", Role.EDITOR),
			new Login("hd-handler", "县政府网站互动交流 马芳", "yiyuan", Role.MESSAGE_HANDLER),
			new Login("fgj-messages", "县发展改革局 何军", "yiyuan-fgj", Role.MESSAGE_HANDLER));

	@Override
	public void run(ApplicationArguments args) {
		if (!directory.all().isEmpty()) {
			if (withActivity) {
				// a later start: the year of activity is generated when a crash rolled it back (nothing otherwise)
				Thread worker = new Thread(this::generateYear, "demo-year");
				worker.setDaemon(true);
				worker.start();
			}
			else {
				yearGenerated.complete(false);
			}
			return;
		}
		String password = configuredPassword == null || configuredPassword.isBlank() ? generatePassword()
				: configuredPassword;
		Actors.runAsSystem(() -> transactions.executeWithoutResult(status -> seed(password)));
		// the published information, once, right after the county was created (not on later starts); in the
		// background, so that the first start is not held up by ~20 items going through the whole workflow
		if (withContent || withActivity) {
			Thread worker = new Thread(this::publishContent, "demo-content");
			worker.setDaemon(true);
			worker.start();
		}
		else {
			yearGenerated.complete(false);
		}
		StringBuilder table = new StringBuilder();
		for (Login l : LOGINS) {
			table.append(String.format("    %-14s %-8s %s%n", l.username(), l.role().label(), l.displayName()));
		}
		if (configuredPassword == null || configuredPassword.isBlank()) {
			log.warn("\n\n  已创建演示县“沂源县”（{}个单位）。演示账号（密码均为 {}，仅显示这一次）：\n{}\n  登录地址：http://localhost:8080/login\n",
					UNITS.size(), password, table);
		}
		else {
			log.info("Demo county seeded ({} agencies); demo accounts use gongkai.demo.password:\n{}", UNITS.size(), table);
		}
	}

	private final java.util.concurrent.CompletableFuture<Void> contentPublished = new java.util.concurrent.CompletableFuture<>();

	/** Completes when the demo items of a first start are published (or failed); never on later starts. */
	java.util.concurrent.CompletableFuture<Void> contentPublished() {
		return contentPublished;
	}

	private void publishContent() {
		long started = System.nanoTime();
		try {
			if (withContent) {
				transactions.executeWithoutResult(status -> content.seed());
				log.info("Demo content published in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			contentPublished.complete(null);
		}
		catch (RuntimeException e) {
			// the county stays usable without its demo items; DemoContentTest keeps them working
			log.error("Demo content could not be published", e);
			contentPublished.completeExceptionally(e);
		}
		if (withActivity) {
			generateYear();
		}
		else {
			yearGenerated.complete(false);
		}
	}

	private final java.util.concurrent.CompletableFuture<Boolean> yearGenerated = new java.util.concurrent.CompletableFuture<>();

	/**
	 * Completes when the year of activity is settled on this start: true when generated now, false when it was there
	 * already or is switched off; exceptionally when it failed.
	 */
	java.util.concurrent.CompletableFuture<Boolean> yearGenerated() {
		return yearGenerated;
	}

	private void generateYear() {
		long started = System.nanoTime();
		try {
			boolean now = year.generate();
			if (now) {
				log.info("Demo year of activity generated in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			oversight.seed();
			yearGenerated.complete(now);
		}
		catch (RuntimeException e) {
			// rolled back as a whole; the next start tries again
			log.error("Demo year of activity could not be generated", e);
			yearGenerated.completeExceptionally(e);
		}
	}

	private void seed(String password) {
		int serial = 1;
		for (Unit u : UNITS) {
			String credit = null;
			if (u.level() != AgencyLevel.VILLAGE) {
				String first17 = "11" + DIVISION + String.format("0043%05d", 36400 + serial * 7);
				credit = first17 + CreditCode.checkCharacter(first17);
			}
			serial++;
			Agency a = agencies.create(new NewAgency(u.code(), u.name(), u.shortName(), u.level(), u.type(), u.parent(),
					credit, u.functions(), serial * 10));
			agencies.updateOffice(a.id(), office(u, serial));
			agencies.addContact(a.id(), new NewContact(contactName(serial), "信息公开工作人员",
					String.format("0533-32%05d", 41000 + serial * 13), null, "政府信息公开日常工作、依申请公开受理", 1));
		}
		for (Login l : LOGINS) {
			long agencyId = directory.requireByCode(l.agency()).id();
			List<RoleGrant> grants = new ArrayList<>();
			grants.add(new RoleGrant(l.role(), agencyId, l.role() == Role.SUPERVISOR));
			accounts.create(new NewAccount(l.username(), l.displayName(), agencyId, password, null, null, grants));
		}
		interaction.saveMailbox(new Mailbox(0, directory.requireByCode("yiyuan").id(), "县长信箱", "沂源县人民政府县长", "县长",
				"欢迎您就全县经济社会发展和群众切身利益问题提出意见建议。来信由县政府网站互动交流工作人员审看后转有关单位办理，一般在5个工作日内答复。",
				true, 1));
	}

	private static OfficeDetails office(Unit u, int serial) {
		String body = u.level() == AgencyLevel.VILLAGE ? u.shortName() + "村务公开监督小组"
				: u.type() == AgencyType.PEOPLES_GOVERNMENT && u.level() == AgencyLevel.COUNTY ? "沂源县人民政府办公室（县政务公开办）"
						: u.shortName() + "办公室";
		return new OfficeDetails(body, "山东省淄博市沂源县城" + (serial % 2 == 0 ? "振兴路" : "胜利路") + (10 + serial * 3) + "号",
				"256100", "工作日上午8:30—12:00，下午13:30—17:30（法定节假日除外）", String.format("0533-32%05d", 40000 + serial * 11),
				String.format("0533-32%05d", 40001 + serial * 11), u.code().replace("-", "") + "@yiyuan.example.gov.cn",
				"https://www.yiyuan.example.gov.cn/", "0533-3241234", LEADERS[serial % LEADERS.length],
				LEADERS[(serial + 5) % LEADERS.length], leaderTitle(u), "分管政务公开、政策解读和回应关切工作，牵头落实本单位政务公开年度工作要点");
	}

	private static final String[] LEADERS = { "高建华", "韩志刚", "曹玉兰", "袁振东", "邓文静", "许国庆", "傅海燕", "沈立新", "曾凡军",
			"彭淑芬", "吕卫东" };

	private static String leaderTitle(Unit u) {
		if (u.level() == AgencyLevel.VILLAGE) {
			return "村民委员会副主任";
		}
		if (u.type() == AgencyType.PEOPLES_GOVERNMENT) {
			return u.level() == AgencyLevel.COUNTY ? "副县长" : "副镇长";
		}
		return u.type() == AgencyType.DISPATCHED_BODY ? "街道办事处副主任" : "副局长";
	}

	private static String contactName(int serial) {
		String[] names = { "张敏", "王芳", "李强", "刘伟", "陈磊", "杨洁", "赵军", "黄丽", "周涛", "吴霞", "徐斌", "孙燕", "马骏", "朱琳" };
		return names[serial % names.length];
	}

	private static String generatePassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
		java.security.SecureRandom random = new java.security.SecureRandom();
		StringBuilder sb = new StringBuilder("Demo");
		for (int i = 0; i < 8; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.append(random.nextInt(10)).toString();
	}
}
