package org.gongkai.search;

import org.springframework.web.util.HtmlUtils;

/** Text helpers of the search pages and API: the folded form of a query, and the plain text of a highlighted one. */
final class SearchTexts {

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
		return HtmlUtils.htmlUnescape(html.replace("<mark>", "").replace("</mark>", ""));
	}
}
