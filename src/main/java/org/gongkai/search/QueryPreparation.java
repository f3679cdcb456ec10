package org.gongkai.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a user typed into a {@link PreparedQuery}, the same for every engine: trimmed, capped at
 * {@value #MAX_LENGTH} characters, {@linkplain TextFolding folded}, quoted phrases (ASCII {@code "..."}, Chinese
 * {@code “...”}, {@code 「...」} and {@code 『...』}) taken out as exact phrases, and the remaining free text expanded by
 * the synonym groups: for each group with a member in the free text, variants with that member replaced by each
 * other member, at most {@value #MAX_VARIANTS} variants in all (the original first).
 */
public final class QueryPreparation {

	/** Longest query taken; the rest is ignored. */
	public static final int MAX_LENGTH = 100;

	/** Most free-text variants (the original included). */
	public static final int MAX_VARIANTS = 8;

	private static final String OPENING = "\"\u201C\u300C\u300E";

	private static final String CLOSING = "\"\u201D\u300D\u300F";

	private QueryPreparation() {
	}

	/**
	 * @param raw what the user typed, may be null
	 * @param synonymGroups groups of words that mean the same (e.g. 社保, 社会保险); members are folded here too
	 */
	public static PreparedQuery prepare(String raw, List<Set<String>> synonymGroups) {
		String typed = raw == null ? "" : raw.strip();
		if (typed.length() > MAX_LENGTH) {
			int end = MAX_LENGTH;
			if (Character.isHighSurrogate(typed.charAt(end - 1))) {
				end--;
			}
			typed = typed.substring(0, end);
		}
		String folded = TextFolding.fold(typed);
		List<String> phrases = new ArrayList<>();
		StringBuilder free = new StringBuilder();
		int i = 0;
		while (i < folded.length()) {
			char c = folded.charAt(i);
			int kind = OPENING.indexOf(c);
			if (kind >= 0) {
				int close = folded.indexOf(CLOSING.charAt(kind), i + 1);
				if (close < 0) {
					free.append(' ');
					i++;
					continue;
				}
				String phrase = normalizeSpaces(folded.substring(i + 1, close));
				if (!phrase.isEmpty() && !phrases.contains(phrase)) {
					phrases.add(phrase);
				}
				free.append(' ');
				i = close + 1;
				continue;
			}
			free.append(CLOSING.indexOf(c) >= 0 ? ' ' : c);
			i++;
		}
		String text = normalizeSpaces(free.toString());
		List<String> variants = text.isEmpty() ? List.of() : variants(text, synonymGroups);
		return new PreparedQuery(typed, variants, phrases);
	}

	private static String normalizeSpaces(String s) {
		return s.strip().replaceAll("\\s+", " ");
	}

	private static List<String> variants(String text, List<Set<String>> synonymGroups) {
		LinkedHashSet<String> variants = new LinkedHashSet<>();
		variants.add(text);
		if (synonymGroups == null) {
			return List.copyOf(variants);
		}
		for (Set<String> group : synonymGroups) {
			List<String> members = group.stream()
				.map(TextFolding::fold)
				.map(QueryPreparation::normalizeSpaces)
				.filter(m -> !m.isEmpty())
				.distinct()
				.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
				.toList();
			if (members.size() < 2) {
				continue;
			}
			for (String variant : List.copyOf(variants)) {
				for (String member : members) {
					if (!variant.contains(member) || insideLongerMember(variant, member, members)) {
						continue;
					}
					for (String other : members) {
						if (!other.equals(member)) {
							variants.add(variant.replace(member, other));
							if (variants.size() >= MAX_VARIANTS) {
								return List.copyOf(variants);
							}
						}
					}
				}
			}
		}
		return List.copyOf(variants);
	}

	/** True when every occurrence of {@code member} lies inside an occurrence of a longer member of its group. */
	private static boolean insideLongerMember(String text, String member, List<String> members) {
		int from = 0;
		int at;
		while ((at = text.indexOf(member, from)) >= 0) {
			boolean covered = false;
			for (String longer : members) {
				if (longer.length() > member.length() && longer.contains(member) && covers(text, longer, at, member.length())) {
					covered = true;
					break;
				}
			}
			if (!covered) {
				return false;
			}
			from = at + 1;
		}
		return true;
	}

	private static boolean covers(String text, String longer, int at, int length) {
		int from = Math.max(0, at + length - longer.length());
		int idx;
		while ((idx = text.indexOf(longer, from)) >= 0 && idx <= at) {
			if (idx + longer.length() >= at + length) {
				return true;
			}
			from = idx + 1;
		}
		return false;
	}
}
