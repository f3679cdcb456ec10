package org.gongkai.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.gongkai.inforequest.ApplicantType;
import org.gongkai.inforequest.Application;
import org.gongkai.inforequest.FeeMethod;
import org.gongkai.inforequest.IdType;
import org.gongkai.inforequest.InfoRequest;
import org.gongkai.inforequest.InfoRequestManagement;
import org.gongkai.inforequest.ObtainMethod;
import org.gongkai.inforequest.Outcome;
import org.gongkai.inforequest.ProvisionForm;
import org.gongkai.inforequest.Remedy;
import org.gongkai.inforequest.SubmissionChannel;
import org.gongkai.interpretation.Interpretation;
import org.gongkai.interpretation.InterpretationDraft;
import org.gongkai.interpretation.InterpretationForm;
import org.gongkai.interpretation.InterpretationManagement;
import org.gongkai.interpretation.PolicyDossiers;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.Zones;
import org.gongkai.powers.Decision;
import org.gongkai.powers.DecisionChangeKind;
import org.gongkai.powers.DecisionKind;
import org.gongkai.powers.DecisionPartyType;
import org.gongkai.powers.DecisionSubmission;
import org.gongkai.powers.EnforcementManagement;
import org.gongkai.powers.EnforcementStatistics;
import org.gongkai.publication.DisclosureAttribute;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentDraft;
import org.gongkai.publication.DocumentManagement;
import org.gongkai.publication.NormativeDocuments;
import org.gongkai.publication.ReviewChecks;
import org.gongkai.publication.Validity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of generated activity for 沂源县发展和改革局 (yiyuan-fgj), so that its statutory annual report for the last
 * complete calendar year (2025 when today is in 2026) is composed from real records: about ninety applications for
 * government information entered by staff as received on paper, by letter, fax or orally, with dates from December of
 * the year before to January of the year after (so that 上年结转 and 结转下年 are not zero), every applicant type,
 * replies of nearly every row of table 三, corrections, extensions, fees, withdrawals, reconsiderations and lawsuits
 * with their results; licence, penalty and compulsory-measure decisions of the year and the year's administrative
 * fees; normative documents issued in the year and older ones repealed in it by a cleanup round and by a change of
 * validity.
 *
 * <p>Everything goes through the owning modules' public services, acting as demo staff of the agency (as
 * {@link DemoContent} does), with the dates those services take (receipt, reply, correction, extension, fee, filing,
 * decision, repeal). What a service stamps from the clock alone is stamped today: the publication of the year's
 * documents and decisions (so the decisions show as published late), the tracking codes and the history times.
 * Online applications are stamped on submission by the clock, so the year's applications are the staff-entered kinds.
 * No 规章 is generated: a county department has no rule-making power (《立法法》第九十三条), so that row of the report
 * is zero as in a real county report.
 *
 * <p>Deterministic (a fixed seed) and once only: the year is generated in one transaction, whose last write (the
 * year's fee amount) is the marker; a crash midway rolls the whole year back and the next start generates it again.
 * Afterwards the requests' daily sweep closes the lapsed correction and fee periods as 其他处理 1 and 2. A later start
 * of a demo county created before this class existed finds no marker and generates the year then.
 */
@Component
class DemoYear {

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	static final String AGENCY = "yiyuan-fgj";

	private static final long SEED = 20_251_231L;

	/** The fee of the year in 万元, entered last: its presence marks the year as generated. */
	static final BigDecimal FEE_WAN_YUAN = new BigDecimal("1.8500");

	private final InfoRequestManagement requests;

	private final EnforcementManagement enforcement;

	private final EnforcementStatistics enforcementStatistics;

	private final DocumentManagement documents;

	private final NormativeDocuments normative;

	private final AgencyDirectory directory;

	private final TransactionTemplate transactions;

	private final DemoReports reports;

	private final PolicyDossiers dossiers;

	private final InterpretationManagement interpretations;

	private final Clock clock;

	DemoYear(InfoRequestManagement requests, EnforcementManagement enforcement, EnforcementStatistics enforcementStatistics,
			DocumentManagement documents, NormativeDocuments normative, AgencyDirectory directory,
			TransactionTemplate transactions, DemoReports reports, PolicyDossiers dossiers, InterpretationManagement interpretations, Clock clock) {
		this.interpretations = interpretations;
		this.dossiers = dossiers;
		this.requests = requests;
		this.enforcement = enforcement;
		this.enforcementStatistics = enforcementStatistics;
		this.documents = documents;
		this.normative = normative;
		this.directory = directory;
		this.transactions = transactions;
		this.reports = reports;
		this.clock = clock;
	}

	/** The year generated: the last complete calendar year before today. */
	int year() {
		return today().getYear() - 1;
	}

	/**
	 * Whether the year was generated for the agency: its fee amount, the last write, is there. The year before counts
	 * too, so that a demo still running after New Year is not given a second year on its next start.
	 */
	boolean generated(long agencyId) {
		return Actors.callAsSystem(() -> enforcementStatistics.table2(agencyId, year()).feesTenThousandYuan() != null
				|| enforcementStatistics.table2(agencyId, year() - 1).feesTenThousandYuan() != null);
	}

	/**
	 * Generates the year unless it was generated before, closes the lapsed periods and imports the earlier years'
	 * reports; nothing when the demo county has no 发展和改革局. Returns whether the year was generated now.
	 */
	boolean generate() {
		Optional<Agency> agency = directory.findByCode(AGENCY);
		if (agency.isEmpty()) {
			return false;
		}
		long agencyId = agency.get().id();
		SecurityContext previous = SecurityContextHolder.getContext();
		boolean now = false;
		try {
			if (!generated(agencyId)) {
				transactions.executeWithoutResult(status -> generateYear(agencyId, year()));
				now = true;
			}
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
		// the daily sweep closes what lapsed (corrections never made, fees never paid), as it would have each night
		Actors.runAsSystem(requests::sweep);
		reports.importHistory(agencyId, year());
		return now;
	}

	// ---- the year --------------------------------------------------------------------------------------------

	private void generateYear(long agencyId, int year) {
		Random random = new Random(SEED);
		int requestCount = generateRequests(agencyId, year, random);
		int decisionCount = generateDecisions(agencyId, year, random);
		generateNormativeDocuments(agencyId, year);
		log.info("Demo year {} of {}: {} applications (received {} to {}), {} enforcement decisions, {} normative documents "
				+ "with their interpretations, one cleanup round", year, AGENCY, requestCount, year - 1, year + 1, decisionCount,
				normativeDocuments(year).size());
		as(agencyId, "demo-admin", Set.of(Role.AGENCY_ADMIN), () -> {
			enforcement.setFee(agencyId, year, FEE_WAN_YUAN);
			return null;
		});
	}

	/** What happens to one application. */
	enum Flow {
		PLAIN, CORRECTED, CORRECTION_LAPSED, EXTENDED, FEE_PAID, FEE_LAPSED, WITHDRAWN
	}

	/** One application of the plan: when it arrives, what is done and how it ends; remedy and its result, if any. */
	record Case(LocalDate receivedOn, Outcome outcome, Flow flow, Remedy.Kind remedy, Remedy.Result remedyResult,
			boolean remedyDecidedNextYear) {
	}

	/** The plan of the year's applications, in the order they are entered. */
	static List<Case> plan(int year, Random random) {
		List<Outcome> outcomes = new ArrayList<>();
		add(outcomes, Outcome.R1, 26);
		add(outcomes, Outcome.R2, 9);
		add(outcomes, Outcome.R3_1, 1);
		add(outcomes, Outcome.R3_2, 1);
		add(outcomes, Outcome.R3_3, 1);
		add(outcomes, Outcome.R3_4, 3);
		add(outcomes, Outcome.R3_5, 2);
		add(outcomes, Outcome.R3_6, 3);
		add(outcomes, Outcome.R3_7, 2);
		add(outcomes, Outcome.R3_8, 2);
		add(outcomes, Outcome.R4_1, 9);
		add(outcomes, Outcome.R4_2, 3);
		add(outcomes, Outcome.R5_1, 3);
		add(outcomes, Outcome.R5_2, 2);
		add(outcomes, Outcome.R5_3, 1);
		add(outcomes, Outcome.R5_4, 1);
		add(outcomes, Outcome.R5_5, 1);
		Collections.shuffle(outcomes, random);
		List<Case> cases = new ArrayList<>();
		// carried in: received in the last weeks of the year before, answered in January
		for (int i = 0; i < 5; i++) {
			cases.add(new Case(weekday(LocalDate.of(year - 1, 12, 8 + i * 4)), i % 2 == 0 ? Outcome.R1 : Outcome.R4_1,
					Flow.PLAIN, null, null, false));
		}
		// the flows with their own ends, spread over the year
		List<Case> special = List.of(new Case(null, Outcome.R4_3, Flow.CORRECTED, null, null, false),
				new Case(null, Outcome.R4_3, Flow.CORRECTED, null, null, false),
				new Case(null, Outcome.R1, Flow.CORRECTED, null, null, false),
				new Case(null, Outcome.R6_1, Flow.CORRECTION_LAPSED, null, null, false),
				new Case(null, Outcome.R6_1, Flow.CORRECTION_LAPSED, null, null, false),
				new Case(null, Outcome.R1, Flow.EXTENDED, null, null, false),
				new Case(null, Outcome.R2, Flow.EXTENDED, null, null, false),
				new Case(null, Outcome.R4_2, Flow.EXTENDED, null, null, false),
				new Case(null, Outcome.R1, Flow.FEE_PAID, null, null, false),
				new Case(null, Outcome.R1, Flow.FEE_PAID, null, null, false),
				new Case(null, Outcome.R6_2, Flow.FEE_LAPSED, null, null, false),
				new Case(null, Outcome.R6_3, Flow.WITHDRAWN, null, null, false),
				new Case(null, Outcome.R6_3, Flow.WITHDRAWN, null, null, false));
		List<Case> yearly = new ArrayList<>();
		for (Outcome o : outcomes) {
			yearly.add(new Case(null, o, Flow.PLAIN, null, null, false));
		}
		for (int i = 0; i < special.size(); i++) {
			yearly.add(Math.min(yearly.size(), 3 + i * 5), special.get(i));
		}
		// reconsiderations and lawsuits about refusals: results upheld, corrected, other, and not concluded by 31 December
		Remedy.Kind[] kinds = { Remedy.Kind.RECONSIDERATION, Remedy.Kind.RECONSIDERATION, Remedy.Kind.RECONSIDERATION,
				Remedy.Kind.RECONSIDERATION, Remedy.Kind.LITIGATION_DIRECT, Remedy.Kind.LITIGATION_DIRECT,
				Remedy.Kind.LITIGATION_AFTER_RECONSIDERATION };
		Remedy.Result[] results = { Remedy.Result.UPHELD, Remedy.Result.UPHELD, Remedy.Result.CORRECTED, Remedy.Result.UPHELD,
				Remedy.Result.UPHELD, Remedy.Result.OTHER, Remedy.Result.UPHELD };
		boolean[] late = { false, false, false, true, false, false, true };
		int remedies = 0;
		// spread over 6 January to 10 December; the remedies go to refusals of the first ten months
		int days = LocalDate.of(year, 12, 10).getDayOfYear() - 6;
		for (int i = 0; i < yearly.size(); i++) {
			Case c = yearly.get(i);
			LocalDate received = weekday(
					LocalDate.of(year, 1, 6).plusDays((long) i * days / yearly.size() + random.nextInt(3)));
			boolean refusal = c.flow() == Flow.PLAIN && (c.outcome() == Outcome.R2 || c.outcome().name().startsWith("R3_")
					|| c.outcome() == Outcome.R4_1 || c.outcome() == Outcome.R5_2);
			if (refusal && remedies < kinds.length && received.getMonthValue() <= 10 && random.nextInt(3) == 0) {
				cases.add(new Case(received, c.outcome(), c.flow(), kinds[remedies], results[remedies], late[remedies]));
				remedies++;
			}
			else {
				cases.add(new Case(received, c.outcome(), c.flow(), null, null, false));
			}
		}
		// carried out: received in the second half of December, answered in January of the year after
		Outcome[] out = { Outcome.R1, Outcome.R1, Outcome.R2, Outcome.R4_1, Outcome.R1 };
		for (int i = 0; i < out.length; i++) {
			cases.add(new Case(weekday(LocalDate.of(year, 12, 15 + i * 2)), out[i], Flow.PLAIN, null, null, false));
		}
		return cases;
	}

	private static void add(List<Outcome> list, Outcome o, int n) {
		for (int i = 0; i < n; i++) {
			list.add(o);
		}
	}

	private static LocalDate weekday(LocalDate day) {
		LocalDate d = day;
		while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
			d = d.plusDays(1);
		}
		return d;
	}

	private int generateRequests(long agencyId, int year, Random random) {
		Set<Role> handler = Set.of(Role.REQUEST_HANDLER);
		LocalDate today = today();
		List<Case> cases = plan(year, random);
		int serial = 0;
		for (Case c : cases) {
			serial++;
			ApplicantType type = serial <= ApplicantType.values().length * 2 ? ApplicantType.values()[serial % 6]
					: applicantType(random);
			Application application = application(type, serial, random);
			SubmissionChannel channel = CHANNELS[random.nextInt(CHANNELS.length)];
			InfoRequest entered = as(agencyId, "demo-handler", handler,
					() -> requests.enter(agencyId, channel, c.receivedOn(), application));
			long id = entered.id();
			LocalDate start = c.receivedOn();
			InfoRequest current = entered;
			switch (c.flow()) {
				case CORRECTED, CORRECTION_LAPSED -> {
					LocalDate asked = start.plusDays(2);
					InfoRequest r = as(agencyId, "demo-handler", handler, () -> requests.requestCorrection(id, asked,
							List.of("请明确所需政府信息的名称、文号或者所涉项目的具体名称", "请写明所需信息的形成时间范围"), null));
					if (c.flow() == Flow.CORRECTED) {
						LocalDate corrected = min(asked.plusDays(6), r.correctionDueOn());
						current = as(agencyId, "demo-handler", handler, () -> requests.correctionReceived(id, corrected));
						start = corrected;
					}
					else {
						continue; // the sweep closes it when the correction period has run out
					}
				}
				case FEE_PAID, FEE_LAPSED -> {
					LocalDate notice = start.plusDays(5);
					InfoRequest r = as(agencyId, "demo-handler", handler,
							() -> requests.issueFeeNotice(id, FeeMethod.PER_VOLUME, 60 + random.nextInt(120), notice));
					if (c.flow() == Flow.FEE_LAPSED) {
						continue; // the sweep closes it when the payment period has run out
					}
					LocalDate paid = min(notice.plusDays(4), r.feePayBy());
					current = as(agencyId, "demo-handler", handler, () -> requests.feePaid(id, paid));
				}
				case WITHDRAWN -> {
					LocalDate on = start.plusDays(3 + random.nextInt(6));
					as(agencyId, "demo-handler", handler,
							() -> requests.withdrawByApplicant(id, on, "申请人来电表示所需信息已从县政府网站查到，书面申请撤回"));
					continue;
				}
				default -> {
				}
			}
			LocalDate repliedOn;
			if (c.flow() == Flow.EXTENDED) {
				LocalDate due = current.dueOn();
				LocalDate approved = due.minusDays(3).isBefore(start) ? start : due.minusDays(3);
				InfoRequest extended = as(agencyId, "demo-leader", Set.of(Role.APPROVER), () -> requests.extend(id, 15,
						"所需信息涉及多个项目、年份跨度较大，需调取档案逐一核对，正常期限内难以答复", approved, approved));
				repliedOn = min(due.plusDays(8), extended.dueOn());
			}
			else {
				// the last fortnight's applications are answered after New Year: carried over into the next year
				boolean carried = !start.isBefore(LocalDate.of(start.getYear(), 12, 8));
				LocalDate planned = carried ? LocalDate.of(start.getYear() + 1, 1, 2).plusDays(random.nextInt(5))
						: start.plusDays(4 + random.nextInt(15));
				repliedOn = current.dueOn() == null ? planned : min(planned, current.dueOn());
			}
			LocalDate on = min(repliedOn, today);
			Outcome outcome = c.outcome();
			as(agencyId, "demo-handler", handler, () -> requests.reply(id, new InfoRequestManagement.Reply(outcome, on, null,
					reasonOf(outcome), contentOf(outcome), outcome == Outcome.R4_1 ? "沂源县自然资源局，联系电话：0533-3241188" : null,
					null)));
			if (outcome.discloses() && !on.plusDays(2).isAfter(today)) {
				ObtainMethod method = application.obtainMethod();
				as(agencyId, "demo-handler", handler, () -> requests.recordDelivery(id, method, on.plusDays(2)));
			}
			if (c.remedy() != null) {
				LocalDate filed = on.plusDays(20 + random.nextInt(30));
				String body = c.remedy() == Remedy.Kind.RECONSIDERATION ? "沂源县人民政府" : "淄博市张店区人民法院";
				Remedy remedy = as(agencyId, "demo-handler", handler, () -> requests.recordRemedy(id, c.remedy(), filed, body));
				LocalDate decided = c.remedyDecidedNextYear() ? LocalDate.of(year + 1, 3, 16) : filed.plusDays(45);
				if (!decided.isAfter(today)) {
					as(agencyId, "demo-handler", handler, () -> requests.decideRemedy(remedy.id(), c.remedyResult(), decided,
							remedyNote(c.remedyResult())));
				}
			}
		}
		return cases.size();
	}

	private static final SubmissionChannel[] CHANNELS = { SubmissionChannel.IN_PERSON, SubmissionChannel.IN_PERSON,
			SubmissionChannel.POST_SIGNED, SubmissionChannel.POST_SIGNED, SubmissionChannel.POST_UNSIGNED,
			SubmissionChannel.FAX, SubmissionChannel.ORAL };

	private static ApplicantType applicantType(Random random) {
		int n = random.nextInt(100);
		if (n < 60) {
			return ApplicantType.NATURAL_PERSON;
		}
		if (n < 76) {
			return ApplicantType.COMMERCIAL_ENTERPRISE;
		}
		if (n < 81) {
			return ApplicantType.RESEARCH_INSTITUTION;
		}
		if (n < 86) {
			return ApplicantType.PUBLIC_INTEREST_ORGANISATION;
		}
		if (n < 95) {
			return ApplicantType.LEGAL_SERVICE_INSTITUTION;
		}
		return ApplicantType.OTHER;
	}

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗" };

	private static final String[] GIVEN = { "建国", "秀英", "志强", "丽娟", "海涛", "玉兰", "国庆", "春梅", "晓东", "桂芳", "立新",
			"红霞", "振华", "淑珍", "文博", "雪梅" };

	private static final String[] TOWNS = { "南麻街道", "鲁村镇", "东里镇", "悦庄镇", "燕崖镇", "中庄镇", "西里镇", "张家坡镇" };

	private static final String[] WANTED = { "{t}2024年度中央预算内投资项目资金安排及使用情况",
			"{t}某村至县城道路改造工程项目的可行性研究报告批复文件", "沂源县2025年重点建设项目名单及投资计划",
			"{t}光伏发电项目的备案证明及项目选址意见", "沂源县粮食储备库扩建项目的核准文件", "本人承包土地被占用所涉建设项目的立项批复文件",
			"沂源县城区集中供热价格调整的成本监审报告和听证会记录", "沂源县以工代赈项目2025年度资金分配方案", "{t}小区物业服务收费标准的核定文件",
			"县发展和改革局关于{t}农贸市场改造项目的节能审查意见", "沂源县“十四五”规划纲要实施中期评估报告", "沂源县社会信用体系建设工作方案",
			"{t}学校建设项目的招标文件及中标结果", "沂源县2025年第一批新增专项债券项目清单", "县发展和改革局2024年部门决算" };

	private Application application(ApplicantType type, int serial, Random random) {
		String town = TOWNS[random.nextInt(TOWNS.length)];
		String wanted = WANTED[random.nextInt(WANTED.length)].replace("{t}", town);
		String phone = String.format("13%d%08d", 5 + serial % 5, 10_000_000 + random.nextInt(89_999_999));
		String address = "山东省淄博市沂源县" + town + (random.nextInt(200) + 1) + "号";
		ProvisionForm form = random.nextInt(3) == 0 ? ProvisionForm.EMAIL : ProvisionForm.PAPER;
		ObtainMethod obtain = form == ProvisionForm.EMAIL ? ObtainMethod.ONLINE
				: random.nextBoolean() ? ObtainMethod.POST : ObtainMethod.IN_PERSON;
		String email = form == ProvisionForm.EMAIL ? "applicant" + serial + "@example.com" : null;
		if (type == ApplicantType.NATURAL_PERSON) {
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			return new Application(type, name, IdType.RESIDENT_ID, residentId(serial, random), null, phone, email, address,
					"256100", "申请公开" + wanted + "。", form, obtain);
		}
		String name = switch (type) {
			case COMMERCIAL_ENTERPRISE -> "沂源县" + COMPANIES[random.nextInt(COMPANIES.length)];
			case RESEARCH_INSTITUTION -> RESEARCH[random.nextInt(RESEARCH.length)];
			case PUBLIC_INTEREST_ORGANISATION -> "沂源县" + PUBLIC_INTEREST[random.nextInt(PUBLIC_INTEREST.length)];
			case LEGAL_SERVICE_INSTITUTION -> LAW_FIRMS[random.nextInt(LAW_FIRMS.length)];
			default -> town + "村民委员会";
		};
		String contact = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
		return new Application(type, name, IdType.CREDIT_CODE, creditCode(serial, random), contact, phone, email, address,
				"256100", "为" + (type == ApplicantType.LEGAL_SERVICE_INSTITUTION ? "代理案件" : "开展工作") + "需要，申请公开" + wanted + "。",
				form, obtain);
	}

	private static final String[] COMPANIES = { "鲁源建设工程有限公司", "沂河新能源科技有限公司", "泰和果品专业合作社", "恒信房地产开发有限公司",
			"瑞丰热力有限公司", "华宇化工有限公司" };

	private static final String[] RESEARCH = { "山东理工大学区域经济研究中心", "淄博市宏观经济研究院", "山东省城乡规划设计研究院有限公司" };

	private static final String[] PUBLIC_INTEREST = { "慈善总会", "环保志愿者协会", "老年人体育协会" };

	private static final String[] LAW_FIRMS = { "山东沂源律师事务所", "山东鲁中律师事务所", "淄博正衡律师事务所" };

	/** A valid 18-digit resident ID of the county (division 370323), check digit of GB 11643. */
	static String residentId(int serial, Random random) {
		LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
		String first17 = "370323" + birth.toString().replace("-", "") + String.format("%03d", serial % 1000);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	/** A valid unified social credit code (GB 32100) of a unit registered in the county. */
	static String creditCode(int serial, Random random) {
		String first17 = "91370323" + String.format("MA%07d", 1_000_000 + serial * 37 + random.nextInt(30));
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static String reasonOf(Outcome o) {
		return switch (o) {
			case R1 -> null;
			case R2 -> "所申请信息中涉及第三方商业秘密和个人信息的部分不予公开，其余部分予以公开。";
			case R3_1 -> "所申请信息经依法定密，属于国家秘密。";
			case R3_2 -> "所申请信息属于《中华人民共和国统计法》规定不得对外提供的统计调查对象原始资料。";
			case R3_3 -> "所申请信息公开后可能危及社会稳定。";
			case R3_4 -> "所申请信息涉及第三方商业秘密，经征求意见第三方不同意公开，不公开不会对公共利益造成重大影响。";
			case R3_5 -> "所申请信息属于本机关人事管理、后勤管理等内部事务信息。";
			case R3_6 -> "所申请信息属于行政机关在履行职责过程中形成的讨论记录、过程稿、请示报告等过程性信息。";
			case R3_7 -> "所申请信息属于行政执法案卷信息。";
			case R3_8 -> "所申请信息属于行政查询事项，请按有关法律、法规规定的途径办理查询。";
			case R4_1 -> "经检索，本机关未制作、未获取所申请的政府信息。该信息可能由沂源县自然资源局掌握。";
			case R4_2 -> "所申请信息需要对现有数据进行加工、分析后另行制作，本机关不负有另行制作的义务。";
			case R4_3 -> "经告知补正后，申请内容仍不能明确所需政府信息的名称、文号或者特征性描述。";
			case R5_1 -> "申请人以政府信息公开申请的形式进行信访、投诉、举报，请通过相应渠道提出。";
			case R5_2 -> "申请人重复申请公开相同政府信息，本机关已于此前作出答复。";
			case R5_3 -> "所申请信息为已公开出版的《沂源县统计年鉴》，请通过公开出版物获取。";
			case R5_4 -> "申请人无正当理由大量、反复申请公开政府信息，超出合理范围。";
			case R5_5 -> "申请人要求本机关确认或者重新出具已经获取的信息。";
			default -> "其他情形。";
		};
	}

	private static String contentOf(Outcome o) {
		return o.discloses() ? "所申请信息已按申请人要求的形式提供，详见附件。" : null;
	}

	private static String remedyNote(Remedy.Result result) {
		return switch (result) {
			case UPHELD -> "维持原答复";
			case CORRECTED -> "责令重新作出答复，已于期限内重新答复";
			default -> "申请人撤回复议申请，复议终止";
		};
	}

	// ---- enforcement ------------------------------------------------------------------------------------------

	private int generateDecisions(long agencyId, int year, Random random) {
		Set<Role> staff = Set.of(Role.EDITOR);
		List<DecisionSubmission> all = new ArrayList<>();
		int n = 0;
		// the year before (not counted in the year's report) and the year itself
		for (int i = 0; i < 4; i++) {
			all.add(licence(agencyId, year - 1, ++n, LocalDate.of(year - 1, 9 + i, 10 + i), random));
		}
		all.add(penalty(agencyId, year - 1, ++n, LocalDate.of(year - 1, 11, 20), random));
		for (int i = 0; i < 24; i++) {
			all.add(licence(agencyId, year, ++n, weekday(LocalDate.of(year, 1, 8).plusDays(i * 14L + random.nextInt(5))), random));
		}
		for (int i = 0; i < 11; i++) {
			all.add(penalty(agencyId, year, ++n, weekday(LocalDate.of(year, 2, 12).plusDays(i * 27L + random.nextInt(5))), random));
		}
		for (int i = 0; i < 3; i++) {
			all.add(compulsory(agencyId, year, ++n, weekday(LocalDate.of(year, 4, 15).plusDays(i * 90L)), random));
		}
		all.add(other(agencyId, year, ++n, LocalDate.of(year, 6, 18)));
		all.add(other(agencyId, year, ++n, LocalDate.of(year, 11, 5)));
		Decision revoked = null;
		for (DecisionSubmission s : all) {
			Decision d = as(agencyId, "demo-enforcement", staff, () -> enforcement.register(s));
			as(agencyId, "demo-enforcement", staff, () -> enforcement.publish(d.id()));
			if (revoked == null && s.kind() == DecisionKind.PENALTY && s.decidedOn().getYear() == year) {
				revoked = d;
			}
		}
		long id = revoked.id();
		LocalDate changedOn = revoked.decidedOn().plusDays(40);
		as(agencyId, "demo-enforcement", staff, () -> enforcement.change(id, DecisionChangeKind.CHANGED, changedOn,
				"当事人申请行政复议，复议机关决定变更罚款数额，本机关依复议决定变更原处罚决定"));
		return all.size();
	}

	private static final String[] PROJECTS = { "年产5万吨果品深加工", "10兆瓦分布式光伏发电", "城区集中供热管网改造", "沂河生态廊道",
			"县人民医院门诊综合楼", "农村供水保障工程", "冷链物流园区", "标准化厂房", "天然气分布式能源站", "中学新建教学楼" };

	private DecisionSubmission licence(long agencyId, int year, int n, LocalDate on, Random random) {
		String project = PROJECTS[random.nextInt(PROJECTS.length)];
		boolean energy = n % 3 == 0;
		return new DecisionSubmission(agencyId, DecisionKind.LICENCE, "沂发改" + (energy ? "能审" : "核准") + "〔" + year + "〕" + n + "号",
				DecisionPartyType.LEGAL_PERSON, "沂源县" + COMPANIES[random.nextInt(COMPANIES.length)],
				creditCode(500 + n, random), null, energy ? "固定资产投资项目节能审查" : "企业投资项目核准",
				on, (energy ? "同意" : "核准") + project + "项目" + (energy ? "节能报告" : "") + "，项目总投资" + (800 + random.nextInt(9000))
						+ "万元。",
				energy ? "《固定资产投资项目节能审查办法》" : "《企业投资项目核准和备案管理条例》第九条", null, on.plusYears(2));
	}

	private DecisionSubmission penalty(long agencyId, int year, int n, LocalDate on, Random random) {
		boolean tender = n % 2 == 0;
		BigDecimal amount = BigDecimal.valueOf((2 + random.nextInt(18)) * 5000L);
		return new DecisionSubmission(agencyId, DecisionKind.PENALTY, "沂发改罚〔" + year + "〕" + n + "号",
				DecisionPartyType.LEGAL_PERSON, "沂源县" + COMPANIES[random.nextInt(COMPANIES.length)],
				creditCode(700 + n, random), null, "罚款", on,
				tender ? "当事人在依法必须进行招标的项目中，与投标人就投标价格进行实质性谈判。处罚款" + amount.toPlainString() + "元。"
						: "当事人未按规定进行节能审查，擅自开工建设。责令停止建设，限期整改，处罚款" + amount.toPlainString() + "元。",
				tender ? "《中华人民共和国招标投标法》第五十五条" : "《中华人民共和国节约能源法》第六十八条", amount, null);
	}

	private DecisionSubmission compulsory(long agencyId, int year, int n, LocalDate on, Random random) {
		return new DecisionSubmission(agencyId, DecisionKind.COMPULSORY_MEASURE, "沂发改强〔" + year + "〕" + n + "号",
				DecisionPartyType.LEGAL_PERSON, "沂源县" + COMPANIES[random.nextInt(COMPANIES.length)],
				creditCode(900 + n, random), null, "查封场所、设施或者财物", on,
				"对当事人使用的国家明令淘汰的高耗能设备予以查封，期限30日。", "《中华人民共和国行政强制法》第九条、《中华人民共和国节约能源法》第十七条",
				null, null);
	}

	private DecisionSubmission other(long agencyId, int year, int n, LocalDate on) {
		return new DecisionSubmission(agencyId, DecisionKind.OTHER_ENFORCEMENT, "沂发改查〔" + year + "〕" + n + "号",
				DecisionPartyType.LEGAL_PERSON, "沂源县瑞丰热力有限公司", creditCode(950 + n, new Random(n)), null, "行政检查", on,
				"对供热企业执行政府定价情况进行检查，未发现违法违规行为。", "《中华人民共和国价格法》第三十四条", null, null);
	}

	// ---- normative documents ----------------------------------------------------------------------------------

	record Normative(String title, String number, LocalDate formedOn) {
	}

	static List<Normative> normativeDocuments(int year) {
		return List.of(new Normative("沂源县政府投资项目管理暂行办法", "沂发改发〔2019〕12号", LocalDate.of(2019, 5, 20)),
				new Normative("沂源县重点项目建设考核办法", "沂发改发〔2021〕4号", LocalDate.of(2021, 3, 15)),
				new Normative("沂源县企业投资项目备案管理办法", "沂发改发〔2022〕9号", LocalDate.of(2022, 8, 1)),
				new Normative("沂源县粮食应急保障实施办法", "沂发改发〔2023〕6号", LocalDate.of(2023, 6, 12)),
				new Normative("沂源县政府投资项目管理办法", "沂发改发〔" + year + "〕3号", LocalDate.of(year, 3, 18)),
				new Normative("沂源县重点项目建设考核办法", "沂发改发〔" + year + "〕8号", LocalDate.of(year, 6, 27)),
				new Normative("沂源县城区集中供热价格管理办法", "沂发改发〔" + year + "〕15号", LocalDate.of(year, 10, 22)));
	}

	private void generateNormativeDocuments(long agencyId, int year) {
		List<Long> ids = new ArrayList<>();
		for (Normative n : normativeDocuments(year)) {
			Document doc = as(agencyId, "demo-editor", Set.of(Role.EDITOR), () -> documents.createDraft(agencyId,
					new DocumentDraft("沂源县发展和改革局关于印发《" + n.title() + "》的通知", null,
							"<p>各镇人民政府（街道办事处），县政府各部门：</p><p>现将《" + n.title() + "》印发给你们，请认真贯彻执行。</p>"
									+ "<p>本办法自印发之日起施行，有效期五年。</p>",
							"沂源县发展和改革局", n.number(), n.formedOn(), n.formedOn(), "国民经济管理、国有资产监管/重大建设项目", "通知", null,
							true, false, List.of("a20-01-02"), DisclosureAttribute.PROACTIVE, null, null, null, null, null)));
			as(agencyId, "demo-editor", Set.of(Role.EDITOR), () -> {
				dossiers.savePlan(doc.id(), new PolicyDossiers.Plan(true, n.formedOn(), "县政府网站政策解读栏目",
						"文字解读、图表解读", "制定背景、主要内容、适用范围、新旧政策差异"));
				return null;
			});
			// 三同步: the interpretation is signed off with the measure and published with it
			Interpretation reading = as(agencyId, "demo-editor", Set.of(Role.EDITOR), () -> interpretations.create(agencyId,
					new InterpretationDraft("《" + n.title() + "》政策解读", InterpretationForm.TEXT, null,
							"<p>一、制定背景。为进一步规范相关工作，结合我县实际，制定本办法。</p><p>二、主要内容。本办法明确了适用范围、职责分工、"
									+ "工作程序和监督管理等内容。</p><p>三、新旧政策差异。与原有规定相比，本办法进一步简化了办理流程，压缩了办理时限。</p>",
							null, null, "县发展和改革局主要负责人", null, true, false, null, null, null, null, null, null, null, null,
							null, List.of(doc.id()), null, null)));
			as(agencyId, "demo-editor", Set.of(Role.EDITOR), () -> interpretations.submit(reading.id()));
			as(agencyId, "demo-leader", Set.of(Role.APPROVER), () -> interpretations.approve(reading.id(), "同意，随文件同步发布"));
			as(agencyId, "demo-editor", Set.of(Role.EDITOR), () -> documents.submit(doc.id()));
			as(agencyId, "demo-reviewer", Set.of(Role.REVIEWER),
					() -> documents.review(doc.id(), new ReviewChecks(true, true, true, true), "经合法性审核，可以公开"));
			as(agencyId, "demo-leader", Set.of(Role.APPROVER), () -> documents.approve(doc.id(), "同意公开"));
			ids.add(doc.id());
		}
		// the year's cleanup repeals the 2019 and 2021 measures, replaced by the year's new ones
		LocalDate decided = LocalDate.of(year, 7, 10);
		as(agencyId, "demo-admin", Set.of(Role.AGENCY_ADMIN), () -> {
			NormativeDocuments.Round round = normative.startRound(agencyId, year + "年度行政规范性文件清理");
			normative.setOutcome(agencyId, round.id(), ids.get(0), NormativeDocuments.Outcome.REPEAL, LocalDate.of(year, 4, 1),
					"已被沂发改发〔" + year + "〕3号替代");
			normative.setOutcome(agencyId, round.id(), ids.get(1), NormativeDocuments.Outcome.REPEAL, LocalDate.of(year, 7, 1),
					"已被沂发改发〔" + year + "〕8号替代");
			normative.conclude(agencyId, round.id(), "《沂源县发展和改革局关于公布行政规范性文件清理结果的通知》（沂发改字〔" + year + "〕21号）",
					decided);
			return null;
		});
		// and the heating price measure of the year replaces the rules of 2022 on records, repealed by itself
		as(agencyId, "demo-leader", Set.of(Role.APPROVER), () -> documents.changeValidity(ids.get(2), Validity.REPEALED,
				LocalDate.of(year, 11, 20), "已被《沂源县城区集中供热价格管理办法》（沂发改发〔" + year + "〕15号）废止"));
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return b == null || a.isBefore(b) ? a : b;
	}

	private static <T> T as(long agencyId, String username, Set<Role> roles, Supplier<T> work) {
		List<RoleGrant> grants = roles.stream().map(r -> new RoleGrant(r, agencyId, false)).toList();
		Actor actor = new Actor(0, username, "演示数据", agencyId, grants, Set.of(), false);
		record Principal(Actor actor) implements ActorHolder {
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
		SecurityContextHolder.setContext(context);
		return work.get();
	}
}
