package org.gongkai.publication;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links in the bodies of public items (the {@code href} of anchors and the {@code src} of images and frames), for
 * oversight's link check (链接可用性). Only items public now (status 已公开) are read; mail, telephone, script and
 * in-page anchors are left out.
 */
@Service
@Transactional(readOnly = true)
public class PublishedLinks {

	/** One link of a public item: the item, its agency and title, and the link as written in the body. */
	public record ItemLink(long documentId, long agencyId, String title, String url) {

		public String consoleUrl() {
			return "/console/documents/" + documentId;
		}
	}

	private static final Pattern LINK = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	private final JdbcClient jdbc;

	PublishedLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of public items after {@code afterId} in id order, at most {@code limit}: for a sweep in batches. */
	public List<Long> publicItemIdsAfter(long afterId, int limit) {
		return jdbc.sql("SELECT id FROM pub_document WHERE status = 'PUBLISHED' AND id > ? ORDER BY id")
			.param(afterId)
			.query(Long.class)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/** The links in the body of one item, if it is public now; empty otherwise. */
	public List<ItemLink> linksOf(long documentId) {
		List<ItemLink> out = new ArrayList<>();
		jdbc.sql("SELECT id, agency_id, title, body FROM pub_document WHERE id = ? AND status = 'PUBLISHED'")
			.param(documentId)
			.query(rs -> {
				for (String url : extract(rs.getString("body"))) {
					out.add(new ItemLink(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("title"), url));
				}
			});
		return out;
	}

	/** Whether an item is public now. */
	public boolean isPublic(long documentId) {
		return jdbc.sql("SELECT COUNT(*) FROM pub_document WHERE id = ? AND status = 'PUBLISHED'")
			.param(documentId)
			.query(Long.class)
			.single() > 0;
	}

	static Set<String> extract(String html) {
		Set<String> urls = new LinkedHashSet<>();
		if (html == null || html.isBlank()) {
			return urls;
		}
		Matcher m = LINK.matcher(html);
		while (m.find()) {
			String url = (m.group(1) != null ? m.group(1) : m.group(2)).trim().replace("&amp;", "&");
			String lower = url.toLowerCase();
			if (url.isEmpty() || url.startsWith("#") || lower.startsWith("mailto:") || lower.startsWith("tel:")
					|| lower.startsWith("javascript:") || lower.startsWith("data:")) {
				continue;
			}
			urls.add(url);
		}
		return urls;
	}
}
