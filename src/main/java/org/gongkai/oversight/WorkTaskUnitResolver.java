package org.gongkai.oversight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;

/**
 * Reads the 责任单位 cell of a task table (seed 003: 「各镇（街道）、县发展改革局、县农业农村局等有关部门」) into the agencies
 * it names: each agency by its full or short name (longest first, so 县政府办公室 wins over 县政府); the generic 「各镇（街道）」
 * to every township-level agency under the plan's agency, 「各部门」 / 「县政府各部门」 to every department under it; the
 * filler words (等有关部门单位, 等有关部门 …) dropped. What names nothing on the platform (经济开发区, 县供电公司 …) is kept
 * as written for the supervisor to assign by hand.
 */
final class WorkTaskUnitResolver {

	/** The result: agencies in the order they are named, and the parts left unresolved (joined by 、, or null). */
	record Resolution(List<Agency> agencies, String unresolved) {
	}

	private static final Map<String, Predicate<Agency>> GENERIC = new java.util.LinkedHashMap<>();

	static {
		Predicate<Agency> township = a -> a.level() == AgencyLevel.TOWNSHIP;
		Predicate<Agency> department = a -> a.type() == AgencyType.DEPARTMENT;
		for (String s : List.of("各乡镇（街道）", "各乡镇(街道)", "各镇（街道）", "各镇(街道)", "各镇、街道", "各镇街道", "各乡镇", "各镇", "各街道")) {
			GENERIC.put(s, township);
		}
		for (String s : List.of("县政府各部门", "县直各部门", "各有关部门", "各部门")) {
			GENERIC.put(s, department);
		}
	}

	private static final List<String> FILLERS = List.of("等有关部门单位", "等有关部门", "等相关部门单位", "等相关部门", "等有关单位", "等单位",
			"等部门");

	private static final Pattern SEPARATORS = Pattern.compile("[、，,；;/\\s]+|以及|(?:和|及|与)(?=[、县市区镇])");

	/** 沂源县发展和改革局 is also written 县发展和改革局 in the county's own tables. */
	private static final Pattern COUNTY_PREFIX = Pattern.compile("^[\\p{IsHan}]{1,4}?县(.{2,})$");

	private WorkTaskUnitResolver() {
	}

	/**
	 * Resolves {@code text} against {@code candidates} (the active agencies under the plan's agency, in tree order).
	 */
	static Resolution resolve(String text, List<Agency> candidates) {
		String rest = text == null ? "" : text.strip();
		Set<Agency> found = new LinkedHashSet<>();
		for (String f : FILLERS) {
			rest = rest.replace(f, "、");
		}
		for (Map.Entry<String, Predicate<Agency>> g : GENERIC.entrySet()) {
			if (rest.contains(g.getKey())) {
				candidates.stream().filter(g.getValue()).forEach(found::add);
				rest = rest.replace(g.getKey(), "、");
			}
		}
		record Name(String text, Agency agency) {
		}
		List<Name> names = new ArrayList<>();
		for (Agency a : candidates) {
			names.add(new Name(a.name(), a));
			java.util.regex.Matcher county = COUNTY_PREFIX.matcher(a.name());
			if (county.matches()) {
				names.add(new Name("县" + county.group(1), a));
			}
			if (a.shortName() != null && !a.shortName().isBlank()) {
				names.add(new Name(a.shortName().strip(), a));
			}
		}
		names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
		// first the positions, so that the agencies come in the order the text names them
		List<Map.Entry<Integer, Agency>> hits = new ArrayList<>();
		StringBuilder masked = new StringBuilder(rest);
		for (Name n : names) {
			for (int i = masked.indexOf(n.text()); i >= 0; i = masked.indexOf(n.text(), i + 1)) {
				hits.add(Map.entry(i, n.agency()));
				for (int k = i; k < i + n.text().length(); k++) {
					masked.setCharAt(k, '、');
				}
			}
		}
		hits.sort(Map.Entry.comparingByKey());
		Set<Agency> ordered = new LinkedHashSet<>();
		hits.forEach(h -> ordered.add(h.getValue()));
		ordered.addAll(found);
		List<String> left = new ArrayList<>();
		for (String part : SEPARATORS.split(masked)) {
			String p = part.strip();
			if (!p.isEmpty() && !p.equals("等") && !left.contains(p)) {
				left.add(p);
			}
		}
		return new Resolution(List.copyOf(ordered), left.isEmpty() ? null : String.join("、", left));
	}
}
