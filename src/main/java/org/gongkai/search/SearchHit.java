package org.gongkai.search;

import java.time.LocalDate;

/**
 * One result. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text in which only the matched words are
 * wrapped in {@code <mark>}; they are safe to insert unescaped.
 */
public record SearchHit(String kind, long id, String url, String titleHtml, String snippetHtml, LocalDate date,
		Long agencyId, String theme, boolean outOfForce) {
}
