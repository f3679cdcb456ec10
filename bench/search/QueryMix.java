package org.gongkai.bench.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The query mix of the search benchmarks: a fixed, seeded sequence of requests as the portal sends them (20 hits a
 * page, facets and highlights always), in classes with these shares:
 * <ul>
 * <li>30 % common: one or two frequent words (政务公开, 行政许可, 社会保险 — expanded by the default synonyms, …);</li>
 * <li>12 % rare: a village, a seldom subject, a document number;</li>
 * <li>10 % phrase: a quoted exact phrase, alone or with a word;</li>
 * <li>16 % filter: a common query with a type, agency, theme or year filter (or two);</li>
 * <li>10 % newest: a common query sorted by date;</li>
 * <li>12 % page: a common query on page 2 to 5;</li>
 * <li>10 % multi: three or four words, synonyms (社保 缴费, 低保 申请), a year in the text.</li>
 * </ul>
 * Both the HTTP load ({@link SearchLoad}) and the raw Lucene load run this same sequence.
 */
public final class QueryMix {

	/** One request: its class and its parameters as in {@code /api/v1/public/search}. */
	public record Request(String kind, String q, String type, String agency, String theme, String year, String sort,
			int page) {

		/** The query string of the API. */
		public String queryString() {
			Map<String, String> p = new LinkedHashMap<>();
			if (q != null) {
				p.put("q", q);
			}
			if (type != null) {
				p.put("type", type);
			}
			if (agency != null) {
				p.put("agency", agency);
			}
			if (theme != null) {
				p.put("theme", theme);
			}
			if (year != null) {
				p.put("year", year);
			}
			if (sort != null) {
				p.put("sort", sort);
			}
			if (page > 1) {
				p.put("page", Integer.toString(page));
			}
			List<String> parts = new ArrayList<>();
			p.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
			return String.join("&", parts);
		}
	}

	public static final List<String> CLASSES = List.of("common", "rare", "phrase", "filter", "newest", "page", "multi");

	static final int[] SHARES = { 30, 12, 10, 16, 10, 12, 10 };

	static final String[] COMMON = { "政务公开", "行政许可", "社会保险", "信息公开", "政策解读", "乡村振兴", "营商环境", "安全生产", "工作要点",
			"预算公开", "政府采购", "食品安全", "义务教育", "规范性文件", "依申请公开", "重大行政决策", "最低生活保障", "住房公积金", "医疗保险", "就业创业",
			"公示", "通知", "工作总结", "实施意见" };

	static final String[] RARE = { "友好城市交流", "侨务工作", "民族团结进步", "宗教事务管理", "生育登记", "托育服务", "内设机构", "人民防空", "全民阅读",
			"新能源汽车推广", "残疾人两项补贴", "触摸屏", "档案移交", "好差评", "保密审查", "双公示", "源审发〔2019〕37号", "源农发〔2023〕15号" };

	static final String[] PHRASES = { "\"政务公开工作\"", "\"政府信息公开条例\"", "“重大行政决策”", "\"以公开为常态、不公开为例外\"", "“政策解读”",
			"\"社会保险\" 通知", "\"行政许可\" 公示", "“信息公开工作年度报告”", "\"政务公开标准化规范化\"", "\"三同步\"" };

	static final String[] MULTI = { "社保 缴费", "低保 申请", "2023年 预算公开", "乡村振兴 补贴 资金", "公积金 提取", "医保 报销 政策",
			"政务公开 工作 要点 2024", "行政许可 事项 清单", "安全生产 专项 整治", "义务教育 招生 划片" };

	static final String[] TYPES = { "document", "document", "document", "interpretation", "concern" };

	private QueryMix() {
	}

	/** The first {@code n} requests of the mix. */
	public static List<Request> requests(int n) {
		Random r = new Random(SearchCorpus.SEED + 8);
		List<Request> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(request(r));
		}
		return out;
	}

	private static Request request(Random r) {
		String kind = CLASSES.get(SearchCorpus.weighted(r, SHARES));
		String common = COMMON[SearchCorpus.skewed(r, COMMON.length)];
		return switch (kind) {
			case "common" -> new Request(kind, r.nextInt(4) == 0 ? common + " " + COMMON[r.nextInt(COMMON.length)] : common,
					null, null, null, null, null, 1);
			case "rare" -> {
				String q = r.nextInt(3) == 0
						? SearchCorpus.VILLAGES.get(r.nextInt(SearchCorpus.VILLAGES.size()))
						: RARE[r.nextInt(RARE.length)];
				yield new Request(kind, q, null, null, null, null, null, 1);
			}
			case "phrase" -> new Request(kind, PHRASES[r.nextInt(PHRASES.length)], null, null, null, null, null, 1);
			case "filter" -> {
				String type = null;
				String agency = null;
				String theme = null;
				String year = null;
				int filters = r.nextInt(4) == 0 ? 2 : 1;
				for (int f = 0; f < filters; f++) {
					switch (r.nextInt(4)) {
						case 0 -> type = TYPES[r.nextInt(TYPES.length)];
						case 1 -> agency = SearchCorpus.AGENCIES.get(SearchCorpus.skewed(r, SearchCorpus.AGENCIES.size())).code();
						case 2 -> theme = SearchCorpus.THEMES.get(SearchCorpus.weighted(r, SearchCorpus.THEME_WEIGHTS));
						default -> year = Integer.toString(2015 + r.nextInt(12));
					}
				}
				yield new Request(kind, common, type, agency, theme, year, null, 1);
			}
			case "newest" -> new Request(kind, common, null, null, null, null, "date", 1);
			case "page" -> new Request(kind, common, null, null, null, null, r.nextInt(4) == 0 ? "date" : null,
					2 + r.nextInt(4));
			default -> new Request(kind, MULTI[r.nextInt(MULTI.length)], null, null, null, null, null, 1);
		};
	}

	public static void main(String[] args) {
		for (Request q : requests(args.length > 0 ? Integer.parseInt(args[0]) : 50)) {
			System.out.println(q.kind() + "\t" + q.queryString());
		}
	}
}
