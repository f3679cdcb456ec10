package org.gongkai.bench.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.gongkai.platform.SearchEntry;
import org.gongkai.search.LuceneSearchEngine;
import org.gongkai.search.SearchEngine;

/**
 * A deterministic corpus of Chinese government information for the search benchmarks, and the bulk-indexing
 * measurement: {@code java ... org.gongkai.bench.search.SearchCorpus <data-dir> <count> [seeds-dir] [batch]} writes
 * {@code count} entries into {@code <data-dir>/search} through {@link LuceneSearchEngine#putAll} in batches (500, the
 * batch of the service's rebuild) and reports the rate of the time spent in putAll.
 *
 * <p>Entry {@code i} depends only on the seed texts and {@code i} (its own {@code Random(SEED, i)}), so any part of
 * the corpus can be regenerated. Bodies (300 to 3,000 characters) are runs of sentences of the real texts in
 * {@code /work/shared/seeds} (split at 。！？； and line ends), recombined: a contiguous passage of one text, then
 * sentences from anywhere. Those texts are all about 政务公开; to give the corpus the spread of a real site, each
 * entry has a subject from its theme (社会保险, 行政许可, 安全生产, …) that, in most entries, takes the place of
 * 政务公开 in the borrowed sentences (and 政务 is dropped from their other compounds: 政务服务 → 服务), appears in
 * the title and opens the body. Some entries name a village, the rare
 * words of the query mix. 60 agencies (the 13 of the demo county first, ids 1 to 13, then 47 more, ids 14 to 60,
 * created by the benchmark script through the agency API in this order), 22 themes (主题分类), years 2015 to 2026
 * (more recent years hold more), document numbers and index numbers in the keywords, 5 % out of force, 92 % of the
 * entries government information items ({@code document}), the rest interpretations, responses to concerns,
 * consultations and major decisions.
 */
public final class SearchCorpus {

	public static final long SEED = 20261127L;

	/** Id of entry 0 within its kind: far above the ids of the app's own records, so that no key is shared. */
	public static final long FIRST_ID = 10_000_001L;

	/** One agency as the app knows it: the first 13 are DemoCounty's units, the rest are created by the script. */
	public record Agency(long id, String code, String name, String shortName, String prefix, String level, String type,
			String theme) {
	}

	public static final List<Agency> AGENCIES = agencies();

	public static final List<String> THEMES = List.of("国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计",
			"国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育",
			"文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教",
			"对外事务", "港澳台侨工作", "国防", "其他");

	/** Subjects per theme (same order as {@link #THEMES}). */
	static final String[][] SUBJECTS = {
			{ "机构职能", "领导分工", "内设机构" },
			{ "政务公开", "政府信息公开", "政务服务", "依申请公开", "政府网站管理", "政务新媒体", "重大行政决策", "规范性文件", "政策解读" },
			{ "国民经济和社会发展计划", "重大建设项目", "国有资产管理", "营商环境", "价格监测", "项目审批" },
			{ "预算公开", "决算公开", "政府采购", "审计整改", "专项资金管理", "地方政府债务", "财政资金直达" },
			{ "征地补偿", "国土空间规划", "不动产登记", "矿产资源管理", "节能降耗" },
			{ "乡村振兴", "农业补贴", "高标准农田建设", "森林防火", "河长制", "农村人居环境整治", "耕地保护" },
			{ "农村公路建设", "工业经济运行", "交通运输安全", "新能源汽车推广" },
			{ "乡村旅游", "招商引资", "电子商务进农村", "消费促进" },
			{ "行政许可", "食品安全", "安全生产", "双随机一公开", "行政处罚", "特种设备安全", "药品监管" },
			{ "老旧小区改造", "生态环境保护", "污染防治", "垃圾分类", "住房保障", "住房公积金", "城乡规划" },
			{ "义务教育", "学校招生", "科技创新", "学生资助", "教师招聘" },
			{ "文物保护", "公共文化服务", "全民阅读", "广播电视" },
			{ "基本公共卫生服务", "医疗保险", "疫情防控", "全民健身", "家庭医生签约服务" },
			{ "妇女儿童权益保障", "托育服务", "生育登记" },
			{ "社会保险", "就业创业", "事业单位公开招聘", "根治欠薪", "职业技能培训" },
			{ "法律援助", "普法宣传", "道路交通安全", "户籍管理", "行政复议" },
			{ "最低生活保障", "特困人员救助", "临时救助", "防灾减灾", "养老服务", "残疾人两项补贴" },
			{ "宗教事务管理", "民族团结进步" },
			{ "外事管理", "友好城市交流" },
			{ "侨务工作" },
			{ "征兵工作", "国防教育", "人民防空" },
			{ "统计公报", "档案管理", "机关事务管理" } };

	/** Theme weights (per mille, roughly as a county site publishes). */
	static final int[] THEME_WEIGHTS = { 10, 160, 60, 90, 40, 110, 40, 30, 90, 80, 50, 20, 60, 15, 60, 35, 55, 5, 3, 2, 10,
			25 };

	static final List<String> VILLAGES = villages();

	static final String[] DOC_TYPES = { "通知", "通知", "通知", "意见", "公告", "通告", "报告", "批复", "决定", "通报", "函", "纪要" };

	static final String[] KINDS = { "document", "interpretation", "concern", "consultation", "decision" };

	private final List<String> sentences;

	/** Start index of each seed text's sentences in {@link #sentences}, and an end sentinel. */
	private final int[] textStarts;

	private final List<String> clauses;

	public SearchCorpus(Path seeds) {
		List<String> all = new ArrayList<>();
		List<Integer> starts = new ArrayList<>();
		List<String> shortClauses = new ArrayList<>();
		try (Stream<Path> files = Files.list(seeds)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
				starts.add(all.size());
				String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\[bookmark:[^]]*]", "");
				for (String s : text.split("[。！？；\\n]")) {
					String sentence = s.strip().replaceAll("\\s+", "");
					if (sentence.codePointCount(0, sentence.length()) >= 8) {
						all.add(sentence + (sentence.endsWith("：") ? "" : "。"));
						for (String c : sentence.split("[，、：“”《》（）]")) {
							if (c.length() >= 6 && c.length() <= 16 && c.chars().allMatch(ch -> ch >= 0x4E00 && ch <= 0x9FFF)) {
								shortClauses.add(c);
							}
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		starts.add(all.size());
		this.sentences = List.copyOf(all);
		this.textStarts = starts.stream().mapToInt(Integer::intValue).toArray();
		this.clauses = List.copyOf(shortClauses);
	}

	public int sentenceCount() {
		return sentences.size();
	}

	/** Entry {@code i} (0-based); its id within its kind is {@code FIRST_ID + i}. */
	public SearchEntry entry(long i) {
		Random r = new Random(SEED * 1_000_003L + i);
		Agency agency = AGENCIES.get(skewed(r, AGENCIES.size()));
		int themeIndex = r.nextInt(3) == 0 ? THEMES.indexOf(agency.theme()) : weighted(r, THEME_WEIGHTS);
		String theme = THEMES.get(themeIndex);
		String[] subjects = SUBJECTS[themeIndex];
		String subject = subjects[skewed(r, subjects.length)];
		int year = year(r);
		LocalDate date = LocalDate.ofYearDay(year, 1 + r.nextInt(year == 2026 ? 330 : 365));
		int k = r.nextInt(100);
		String kind = k < 92 ? KINDS[0] : k < 96 ? KINDS[1] : k < 98 ? KINDS[2] : k < 99 ? KINDS[3] : KINDS[4];
		boolean replace = !subject.equals("政务公开") && r.nextInt(100) < 95;
		String village = r.nextInt(100) < 12 ? VILLAGES.get(r.nextInt(VILLAGES.size())) : null;
		String docType = DOC_TYPES[r.nextInt(DOC_TYPES.length)];
		int number = 1 + r.nextInt(120);
		String docNumber = agency.prefix() + "〔" + year + "〕" + number + "号";
		String title = title(r, kind, agency, subject, year, docType, village);
		String body = body(r, subject, replace, village, 300 + r.nextInt(2701));
		String keywords = kind.equals("document")
				? String.join(" ", docNumber, String.format("11370323MB%07d/%d-%05d", agency.id() * 977, year, number),
						agency.name(), docType, theme)
				: "";
		long id = FIRST_ID + i;
		String url = "/agencies/" + agency.code() + "/" + kind + "s/" + id + "/";
		boolean outOfForce = r.nextInt(100) < 5;
		return new SearchEntry(kind, id, agency.id(), url, title, body, "", date, theme, keywords, outOfForce);
	}

	private String title(Random r, String kind, Agency agency, String subject, int year, String docType,
			String village) {
		return switch (kind) {
			case "interpretation" -> "《" + agency.shortName() + "关于进一步加强" + subject + "工作的实施意见》政策解读";
			case "concern" -> "关于群众关心的" + subject + "有关问题的回应";
			case "consultation" -> "关于公开征求《" + subject + "管理办法（征求意见稿）》意见的公告";
			case "decision" -> year + "年度" + subject + "重大行政决策事项";
			default -> switch (r.nextInt(7)) {
				case 0 -> agency.name() + "关于印发《" + year + "年" + subject + "工作要点》的" + docType;
				case 1 -> "关于做好" + year + "年" + subject + "工作的" + docType;
				case 2 -> agency.shortName() + year + "年" + subject + "工作总结";
				case 3 -> "关于" + clauses.get(r.nextInt(clauses.size())) + "的" + docType;
				case 4 -> village != null ? village + subject + "情况公示" : agency.shortName() + subject + "情况公示";
				case 5 -> agency.name() + "关于" + clauses.get(r.nextInt(clauses.size())) + "的" + docType;
				default -> agency.shortName() + "关于" + subject + "有关事项的" + docType;
			};
		};
	}

	private String body(Random r, String subject, boolean replace, String village, int length) {
		StringBuilder b = new StringBuilder(length + 200);
		b.append("为进一步做好").append(subject).append("工作，");
		if (village != null) {
			b.append("结合").append(village).append("实际，");
		}
		b.append("现将有关事项通知如下。");
		int text = r.nextInt(textStarts.length - 1);
		int at = textStarts[text] + r.nextInt(textStarts[text + 1] - textStarts[text]);
		int passage = 4 + r.nextInt(12);
		while (b.length() < length) {
			String s;
			if (passage-- > 0 && at < textStarts[text + 1]) {
				s = sentences.get(at++);
			}
			else {
				s = sentences.get(r.nextInt(sentences.size()));
			}
			b.append(replace ? s.replace("政务公开", subject).replace("政务", "") : s);
		}
		int end = length;
		if (Character.isHighSurrogate(b.charAt(end - 1))) {
			end--;
		}
		return b.substring(0, end);
	}

	/** Index in 0..n-1, the first ones more likely (about Zipf with exponent 0.8). */
	static int skewed(Random r, int n) {
		double u = r.nextDouble();
		double h = 0;
		double[] w = new double[n];
		for (int i = 0; i < n; i++) {
			w[i] = 1 / Math.pow(i + 1, 0.8);
			h += w[i];
		}
		double acc = 0;
		for (int i = 0; i < n; i++) {
			acc += w[i] / h;
			if (u < acc) {
				return i;
			}
		}
		return n - 1;
	}

	static int weighted(Random r, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int x = r.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** 2015..2026, growing by about 12 % a year (a site publishes more each year). */
	static int year(Random r) {
		int[] w = new int[12];
		double v = 100;
		for (int i = 0; i < 12; i++) {
			w[i] = (int) v;
			v *= 1.12;
		}
		return 2015 + weighted(r, w);
	}

	private static List<String> villages() {
		String[] first = { "东", "西", "南", "北", "上", "下", "前", "后", "大", "小", "王", "李", "张", "刘", "石", "柳", "杏", "桃",
				"凤", "龙", "青", "白", "黄", "马", "牛" };
		String[] second = { "家庄", "峪", "店", "沟", "坡", "岭", "河", "崖", "官庄", "泉" };
		List<String> out = new ArrayList<>();
		for (String f : first) {
			for (String s : second) {
				out.add(f + s + "村");
			}
		}
		return List.copyOf(out);
	}

	private static List<Agency> agencies() {
		List<Agency> out = new ArrayList<>();
		String[][] demo = { { "yiyuan", "沂源县人民政府", "县政府", "源政发", "COUNTY", "PEOPLES_GOVERNMENT", "综合政务" },
				{ "yiyuan-bgs", "沂源县人民政府办公室", "县政府办公室", "源政办发", "COUNTY", "DEPARTMENT", "综合政务" },
				{ "yiyuan-fgj", "沂源县发展和改革局", "县发展改革局", "源发改发", "COUNTY", "DEPARTMENT", "国民经济管理、国有资产监管" },
				{ "yiyuan-jtj", "沂源县教育和体育局", "县教育体育局", "源教体发", "COUNTY", "DEPARTMENT", "科技、教育" },
				{ "yiyuan-czj", "沂源县财政局", "县财政局", "源财发", "COUNTY", "DEPARTMENT", "财政、金融、审计" },
				{ "yiyuan-zrj", "沂源县自然资源局", "县自然资源局", "源自然资发", "COUNTY", "DEPARTMENT", "国土资源、能源" },
				{ "yiyuan-nyj", "沂源县农业农村局", "县农业农村局", "源农发", "COUNTY", "DEPARTMENT", "农业、林业、水利" },
				{ "yiyuan-wjj", "沂源县卫生健康局", "县卫生健康局", "源卫健发", "COUNTY", "DEPARTMENT", "卫生、体育" },
				{ "yiyuan-scj", "沂源县市场监督管理局", "县市场监管局", "源市监发", "COUNTY", "DEPARTMENT", "市场监管、安全生产监管" },
				{ "yiyuan-nanma", "沂源县南麻街道办事处", "南麻街道", "南办发", "TOWNSHIP", "DISPATCHED_BODY", "综合政务" },
				{ "yiyuan-lucun", "沂源县鲁村镇人民政府", "鲁村镇", "鲁政发", "TOWNSHIP", "PEOPLES_GOVERNMENT", "农业、林业、水利" },
				{ "yiyuan-dongli", "沂源县东里镇人民政府", "东里镇", "东政发", "TOWNSHIP", "PEOPLES_GOVERNMENT", "农业、林业、水利" },
				{ "yiyuan-lucun-fenghuang", "鲁村镇凤凰村村民委员会", "凤凰村", "凤村发", "VILLAGE", "OTHER", "民政、扶贫、救灾" } };
		for (String[] d : demo) {
			out.add(new Agency(out.size() + 1, d[0], d[1], d[2], d[3], d[4], d[5], d[6]));
		}
		String[][] more = { { "tjj", "统计局", "源统发", "其他" }, { "sjj", "审计局", "源审发", "财政、金融、审计" },
				{ "mzj", "民政局", "源民发", "民政、扶贫、救灾" }, { "sfj", "司法局", "源司发", "公安、安全、司法" },
				{ "rsj", "人力资源和社会保障局", "源人社发", "劳动、人事、监察" }, { "zjj", "住房和城乡建设局", "源建发", "城乡建设、环境保护" },
				{ "jtysj", "交通运输局", "源交发", "工业、交通" }, { "slj", "水利局", "源水发", "农业、林业、水利" },
				{ "swj", "商务局", "源商发", "商贸、海关、旅游" }, { "whlyj", "文化和旅游局", "源文旅发", "文化、广电、新闻出版" },
				{ "tyjrj", "退役军人事务局", "源退役发", "国防" }, { "yjj", "应急管理局", "源应急发", "市场监管、安全生产监管" },
				{ "ybj", "医疗保障局", "源医保发", "卫生、体育" }, { "spj", "行政审批服务局", "源审批发", "市场监管、安全生产监管" },
				{ "zfj", "综合行政执法局", "源执法发", "城乡建设、环境保护" }, { "hbj", "生态环境分局", "源环发", "城乡建设、环境保护" },
				{ "gaj", "公安局", "源公发", "公安、安全、司法" }, { "kjj", "科学技术局", "源科发", "科技、教育" },
				{ "gxj", "工业和信息化局", "源工信发", "工业、交通" }, { "jrj", "地方金融监督管理局", "源金发", "财政、金融、审计" },
				{ "xfj", "信访局", "源信访发", "综合政务" }, { "dsj", "大数据中心", "源数发", "综合政务" },
				{ "lyj", "林业局", "源林发", "农业、林业、水利" }, { "xmj", "畜牧发展中心", "源牧发", "农业、林业、水利" },
				{ "dag", "档案馆", "源档发", "其他" }, { "rmfy", "人民防空办公室", "源防办发", "国防" },
				{ "tzcj", "投资促进中心", "源投发", "国民经济管理、国有资产监管" }, { "gzw", "国有资产事务中心", "源国资发", "国民经济管理、国有资产监管" },
				{ "jgswj", "机关事务服务中心", "源机事发", "其他" }, { "mzzj", "民族宗教事务局", "源宗发", "民族、宗教" },
				{ "wqb", "外事侨务办公室", "源外侨发", "对外事务" }, { "fl", "妇女联合会", "源妇字", "人口与计划生育、妇女儿童工作" },
				{ "cl", "残疾人联合会", "源残联发", "民政、扶贫、救灾" }, { "gjj", "住房公积金管理中心", "源积金发", "城乡建设、环境保护" },
				{ "rmt", "融媒体中心", "源融发", "文化、广电、新闻出版" }, { "gxs", "供销合作社", "源供发", "商贸、海关、旅游" } };
		for (String[] m : more) {
			out.add(new Agency(out.size() + 1, "yiyuan-" + m[0], "沂源县" + m[1], "县" + m[1], m[2], "COUNTY", "DEPARTMENT",
					m[3]));
		}
		String[] towns = { "历山街道", "张家坡镇", "燕崖镇", "中庄镇", "西里镇", "大张庄镇", "石桥镇", "悦庄镇", "南鲁山镇", "鲁山林场", "经济开发区" };
		String[] townCodes = { "lishan", "zhangjiapo", "yanya", "zhongzhuang", "xili", "dazhangzhuang", "shiqiao", "yuezhuang",
				"nanlushan", "lushan-lc", "kfq" };
		for (int t = 0; t < towns.length; t++) {
			boolean street = towns[t].endsWith("街道");
			out.add(new Agency(out.size() + 1, "yiyuan-" + townCodes[t], "沂源县" + towns[t] + (street ? "办事处" : towns[t].endsWith("镇") ? "人民政府" : "管理委员会"),
					towns[t], towns[t].substring(0, 1) + "政发", "TOWNSHIP",
					street ? "DISPATCHED_BODY" : towns[t].endsWith("镇") ? "PEOPLES_GOVERNMENT" : "OTHER", "农业、林业、水利"));
		}
		if (out.size() != 60) {
			throw new IllegalStateException("60 agencies expected, got " + out.size());
		}
		return List.copyOf(out);
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[0]);
		long count = Long.parseLong(args[1]);
		Path seeds = Path.of(args.length > 2 ? args[2] : "/work/shared/seeds");
		int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 500;
		SearchCorpus corpus = new SearchCorpus(seeds);
		System.out.printf("corpus: %d sentences from the seed texts, %d agencies, %d themes%n", corpus.sentenceCount(),
				AGENCIES.size(), THEMES.size());
		long chars = 0;
		long putNanos = 0;
		long windowNanos = 0;
		long windowDocs = 0;
		long start = System.nanoTime();
		try (LuceneSearchEngine engine = new LuceneSearchEngine(data.resolve("search"));
				SearchEngine.Rebuild rebuild = engine.beginRebuild()) {
			List<SearchEntry> batch = new ArrayList<>(batchSize);
			for (long i = 0; i < count; i++) {
				SearchEntry e = corpus.entry(i);
				chars += e.title().length() + e.body().length();
				batch.add(e);
				if (batch.size() == batchSize || i == count - 1) {
					long t0 = System.nanoTime();
					rebuild.putAll(batch);
					if (i == count - 1) {
						rebuild.complete(); // the commit and the switch to the new generation count as indexing time
					}
					long spent = System.nanoTime() - t0;
					putNanos += spent;
					windowNanos += spent;
					windowDocs += batch.size();
					batch = new ArrayList<>(batchSize);
					if ((i + 1) % 100_000 == 0 || i == count - 1) {
						System.out.printf("indexed %,d: last %,d at %.0f docs/s in putAll; overall %.0f docs/s in putAll, %.0f docs/s wall%n",
								i + 1, windowDocs, windowDocs / (windowNanos / 1e9), (i + 1) / (putNanos / 1e9),
								(i + 1) / ((System.nanoTime() - start) / 1e9));
						windowNanos = 0;
						windowDocs = 0;
					}
				}
			}
			System.out.printf("RESULT bulk indexing: %,d entries (%.0f chars each on average) in batches of %d through "
					+ "a rebuild (Rebuild.putAll, then complete): %.0f docs/s (time in putAll %.0f s; wall %.0f s incl. generation); index size %,d%n",
					count, (double) chars / count, batchSize, count / (putNanos / 1e9), putNanos / 1e9,
					(System.nanoTime() - start) / 1e9, engine.size());
		}
	}
}
