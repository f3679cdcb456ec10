package org.gongkai.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The 22 top-level 主题分类 of the State Council policy library with their sub-themes, and the 15
 * 公文种类 of 《党政机关公文处理工作条例》 Art. 8 plus 其他 (domain-rules.md §4.2). Loaded from data.
 */
@Component
public class Themes {

	private final Map<String, List<String>> themes = new LinkedHashMap<>();

	private final List<String> documentTypes;

	Themes() {
		for (CatalogData.Theme t : CatalogData.read("themes.json", CatalogData.Themes.class).themes()) {
			themes.put(t.name(), t.children() == null ? List.of() : List.copyOf(t.children()));
		}
		documentTypes = List.copyOf(CatalogData.read("document-types.json", CatalogData.DocumentTypes.class).types());
	}

	/** Top-level theme names in order. */
	public List<String> topLevel() {
		return List.copyOf(themes.keySet());
	}

	public Map<String, List<String>> tree() {
		return themes;
	}

	/**
	 * The canonical form of a theme: a top-level name, or {@code 上级/下级} for a sub-theme. A bare
	 * sub-theme name is accepted when it is unambiguous.
	 */
	public Optional<String> resolve(String theme) {
		if (theme == null || theme.isBlank()) {
			return Optional.empty();
		}
		String t = theme.trim();
		if (themes.containsKey(t)) {
			return Optional.of(t);
		}
		int slash = t.indexOf('/');
		if (slash > 0) {
			String parent = t.substring(0, slash);
			String child = t.substring(slash + 1);
			return themes.getOrDefault(parent, List.of()).contains(child) ? Optional.of(t) : Optional.empty();
		}
		List<String> parents = themes.entrySet().stream().filter(e -> e.getValue().contains(t)).map(Map.Entry::getKey)
			.toList();
		return parents.size() == 1 ? Optional.of(parents.get(0) + "/" + t) : Optional.empty();
	}

	/** The top-level part of a canonical theme. */
	public static String topOf(String canonical) {
		int slash = canonical.indexOf('/');
		return slash < 0 ? canonical : canonical.substring(0, slash);
	}

	public List<String> documentTypes() {
		return documentTypes;
	}

	public boolean isDocumentType(String type) {
		return type != null && documentTypes.contains(type.trim());
	}
}
