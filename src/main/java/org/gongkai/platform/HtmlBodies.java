package org.gongkai.platform;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/** Cleans rich-text bodies: only structural and formatting markup survives; no script, style or event handlers. */
public final class HtmlBodies {

	private static final Safelist SAFE = Safelist.relaxed()
		.addTags("figure", "figcaption", "hr", "section")
		.addAttributes("table", "summary")
		.addAttributes("th", "scope")
		.addAttributes(":all", "lang")
		.removeProtocols("img", "src", "http")
		.addProtocols("a", "href", "https", "http", "mailto");

	private HtmlBodies() {
	}

	public static String sanitise(String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		return Jsoup.clean(html, "", SAFE, new OutputSettings().prettyPrint(false));
	}

	public static String text(String html) {
		return html == null ? "" : Jsoup.parse(html).text();
	}
}
