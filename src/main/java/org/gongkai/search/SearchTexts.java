package org.gongkai.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers of the search pages and API: the folded form of a query, and the plain text of a highlighted one. */
final class SearchTexts {

	private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

	private SearchTexts() {
	}

	/** The query as the index compares it: half-width, simplified, lower case, white space collapsed. */
	static String fold(String text) {
		if (text == null) {
			return "";
		}
		return TextFolding.fold(text).strip().replaceAll("\\s+", " ");
	}

	/** Plain text of the engine's highlighted HTML: the {@code <mark>} tags removed and the entities decoded. */
	static String plain(String html) {
		if (html == null) {
			return "";
		}
		String text = html.replace("<mark>", "").replace("</mark>", "");
		Matcher m = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String e = m.group(1);
			String r = switch (e) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> {
					int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
					yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
				}
			};
			m.appendReplacement(out, Matcher.quoteReplacement(r));
		}
		m.appendTail(out);
		return out.toString();
	}
}
