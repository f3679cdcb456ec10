package org.gongkai.oversight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue of shipped assessment templates: real county schemes read in the research (oversight-rules.md §2.1
 * 涞源县2023年政务公开考核评分细则, §2.2 2020年泉州市鲤城区政务公开指数绩效考评标准表), kept as data in
 * {@code src/main/resources/oversight/assessment-templates.json} with their source title, date and address. What the
 * research could not read is left out and said in each template's note. A supervisor installs a template as a scheme
 * of its own and edits it.
 */
@Component
public class AssessmentTemplates {

	static final String RESOURCE = "/oversight/assessment-templates.json";

	/** A template row or first-level item, as in the data file. */
	public record TemplateItem(String kind, String title, BigDecimal points, String measure, String figureKey,
			String rule, BigDecimal unitPoints, BigDecimal cap, Long threshold, List<TemplateItem> rows) {

		public List<TemplateItem> rowsOrEmpty() {
			return rows == null ? List.of() : rows;
		}
	}

	/** A shipped template. */
	public record Template(String code, String name, String place, String sourceTitle, String sourceUrl,
			String sourceDate, String note, List<String> levels, List<String> types, String grades,
			List<TemplateItem> items) {

		public BigDecimal totalPoints() {
			return items.stream().map(TemplateItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	record DataFile(List<Template> templates) {
	}

	private final List<Template> templates;

	AssessmentTemplates() {
		try (InputStream in = AssessmentTemplates.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE);
			}
			JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
			this.templates = List.copyOf(json.readValue(in, DataFile.class).templates());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<Template> all() {
		return templates;
	}

	public Optional<Template> find(String code) {
		return templates.stream().filter(t -> t.code().equals(code)).findFirst();
	}
}
