package org.gongkai.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shipped catalogue data files under {@code src/main/resources/catalog/}. */
final class CatalogData {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	record Rule(String type, Integer days, Integer month, Integer day) {

		TimeLimitRule toRule() {
			TimeLimitRule.Type t = TimeLimitRule.Type.valueOf(type);
			return new TimeLimitRule(t, days == null ? 0 : days, month == null ? 0 : month, day == null ? 0 : day);
		}
	}

	record TimeLimit(String text, Rule rule) {
	}

	record Item(String code, String title, String description, TimeLimit timeLimit, List<Item> children) {

		List<Item> childrenOrEmpty() {
			return children == null ? List.of() : children;
		}
	}

	record Statutory(String source, List<Item> article20, List<Item> article21County, List<Item> article21Township) {
	}

	record FivePublicAndKeyAreas(List<Item> fivePublic, List<Item> keyAreas) {
	}

	record Entry(int serial, String itemLevel1, String itemLevel2, String content, List<String> basis,
			TimeLimit timeLimit, String subject, List<String> channels, String audience, String method,
			List<String> levels) {
	}

	record Area(String code, String name, List<Entry> entries) {
	}

	record StandardAreas(String source, List<Area> areas) {
	}

	record Theme(String name, List<String> children) {
	}

	record Themes(String source, List<Theme> themes) {
	}

	record DocumentTypes(String source, List<String> types) {
	}

	private CatalogData() {
	}

	static <T> T read(String name, Class<T> type) {
		try (InputStream in = CatalogData.class.getResourceAsStream("/catalog/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing catalogue data file " + name);
			}
			return JSON.readValue(in, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
