package org.gongkai.search;

import java.util.List;

/**
 * A query as the engines take it: folded (full-width to half-width, traditional to simplified, lower case), split
 * into free text and exact phrases (text in ASCII or Chinese quotation marks), and with the free text expanded by the
 * administrator's synonyms. Free text matches by words (smartcn); every phrase must occur exactly as typed (after
 * folding).
 *
 * @param raw what the user typed
 * @param textVariants the folded free text first, then each variant with a synonym substituted; empty when the query
 *        has only phrases (or nothing)
 * @param phrases the folded quoted phrases
 */
public record PreparedQuery(String raw, List<String> textVariants, List<String> phrases) {

	public PreparedQuery {
		textVariants = List.copyOf(textVariants);
		phrases = List.copyOf(phrases);
	}

	public boolean isEmpty() {
		return textVariants.isEmpty() && phrases.isEmpty();
	}
}
