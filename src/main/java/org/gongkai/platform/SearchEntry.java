package org.gongkai.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * One public record as the site search sees it. Built by the {@link SearchSource} of the module that owns the record,
 * only for a record that is public right now; everything in it may be shown on a public results page.
 *
 * @param kind the source's {@link SearchSource#kind()}
 * @param id the record's id within its kind
 * @param agencyId the agency that published it (for the agency facet); null for a site-wide record
 * @param url the public page, an absolute path such as {@code /agencies/fgj/documents/12/}
 * @param title the title as shown
 * @param body the public text, plain (no markup)
 * @param attachmentText plain text extracted from the public attachments (PDF, Word), or empty
 * @param date the day it was published (or, for an undated record, the day it last changed publicly)
 * @param theme the theme classification (主题分类) for the theme facet, or null
 * @param keywords extra words that find the record but are not shown (document number, index number, aliases)
 * @param outOfForce true for a record that is still public but no longer in force (repealed or expired normative
 *        documents, a superseded list version), ranked below records in force
 */
public record SearchEntry(String kind, long id, Long agencyId, String url, String title, String body,
		String attachmentText, LocalDate date, String theme, String keywords, boolean outOfForce) {

	public SearchEntry {
		if (kind == null || kind.isBlank() || url == null || title == null || date == null) {
			throw new IllegalArgumentException("kind, url, title and date are required");
		}
		body = body == null ? "" : body;
		attachmentText = attachmentText == null ? "" : attachmentText;
		keywords = keywords == null ? "" : keywords;
	}

	/** The non-blank parts, stripped, one per line: how a source joins the pieces of a public page into a body. */
	public static String lines(List<String> parts) {
		StringBuilder out = new StringBuilder();
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				if (!out.isEmpty()) {
					out.append('\n');
				}
				out.append(p.strip());
			}
		}
		return out.toString();
	}
}
