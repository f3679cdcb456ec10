package org.gongkai.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Finds and masks personal data that must not be published (「不得泄露个人隐私」; portal-rules.md §6
 * check 29): resident ID numbers with a valid GB 11643 check digit, mainland mobile numbers, and bank
 * card numbers that pass the Luhn check.
 */
public final class PersonalDataScanner {

	public enum Kind {
		RESIDENT_ID("居民身份证号码"), MOBILE("手机号码"), BANK_CARD("银行卡号");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One finding; {@code masked} is safe to show. */
	public record Finding(Kind kind, String masked, String where) {
	}

	private static final Pattern RESIDENT_ID = Pattern
		.compile("(?<![0-9A-Za-z])([1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx])(?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d{9})(?![0-9])");

	private static final Pattern CARD = Pattern.compile("(?<![0-9])(\\d{4}(?:[ -]?\\d{4}){2,3}(?:[ -]?\\d{1,3})?)(?![0-9])");



	private PersonalDataScanner() {
	}

	public static List<Finding> scan(String text, String where) {
		List<Finding> out = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return out;
		}
		Matcher id = RESIDENT_ID.matcher(text);
		while (id.find()) {
			if (validResidentId(id.group(1))) {
				out.add(new Finding(Kind.RESIDENT_ID, maskId(id.group(1)), where));
			}
		}
		String withoutIds = RESIDENT_ID.matcher(text).replaceAll(" ");
		Matcher card = CARD.matcher(withoutIds);
		while (card.find()) {
			String digits = card.group(1).replaceAll("[ -]", "");
			if (digits.length() >= 16 && digits.length() <= 19 && luhn(digits)) {
				out.add(new Finding(Kind.BANK_CARD, maskCard(digits), where));
			}
		}
		Matcher mobile = MOBILE.matcher(withoutIds);
		while (mobile.find()) {
			out.add(new Finding(Kind.MOBILE, maskMobile(mobile.group(1)), where));
		}
		return out;
	}

	/** Scans the visible text of an HTML body. */
	public static List<Finding> scanHtml(String html, String where) {
		return html == null ? List.of() : scan(Jsoup.parse(html).text(), where);
	}

	/** Masks every finding in plain text. */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String out = replace(RESIDENT_ID, text, m -> validResidentId(m) ? maskId(m) : m);
		out = replace(CARD, out, m -> {
			String digits = m.replaceAll("[ -]", "");
			return digits.length() >= 16 && digits.length() <= 19 && luhn(digits) ? maskCard(digits) : m;
		});
		return replace(MOBILE, out, PersonalDataScanner::maskMobile);
	}

	/** Masks every finding in the text nodes of an HTML body, leaving the markup as it is. */
	public static String maskHtml(String html) {
		if (html == null) {
			return null;
		}
		Element body = Jsoup.parseBodyFragment(html).body();
		body.select("*").forEach(e -> e.textNodes().forEach(t -> t.text(mask(t.getWholeText()))));
		return body.html();
	}

	static boolean validResidentId(String id) {
		return org.gongkai.platform.ResidentIds.isValid(id);
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	private static String maskId(String id) {
		return id.substring(0, 6) + "********" + id.substring(14);
	}

	private static String maskMobile(String m) {
		return m.substring(0, 3) + "****" + m.substring(7);
	}

	private static String maskCard(String digits) {
		return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
	}

	private static String replace(Pattern p, String text, java.util.function.UnaryOperator<String> f) {
		Matcher m = p.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(text.substring(m.start(), m.start(1)) + f.apply(m.group(1))
					+ text.substring(m.end(1), m.end())));
		}
		m.appendTail(sb);
		return sb.toString();
	}
}
