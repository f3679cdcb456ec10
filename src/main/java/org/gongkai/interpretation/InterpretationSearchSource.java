package org.gongkai.interpretation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.gongkai.catalog.Themes;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.HtmlBodies;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Policy interpretations (政策解读) for the site search: published ones whose every policy is public right now, of an
 * agency that is not abolished. The text is what the item page shows: summary, body, the sections, the questions and
 * answers and the transcript of an event.
 */
@Component
class InterpretationSearchSource implements SearchSource {

	static final String KIND = "interpretation";

	private final InterpretationQueries queries;

	private final AgencyDirectory agencies;

	private final JdbcClient jdbc;

	InterpretationSearchSource(InterpretationQueries queries, AgencyDirectory agencies, JdbcClient jdbc) {
		this.queries = queries;
		this.agencies = agencies;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "政策解读";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicInterpretation(id)
			.flatMap(i -> agencies.findById(i.agencyId()).filter(Agency::active).map(agency -> entry(i, agency)));
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (long[] agencyAndId : queries.publicIds()) {
			publicEntry(agencyAndId[1]).ifPresent(sink);
		}
	}

	/** The agency's interpretations that are or were published: what to look at again when the agency changed. */
	List<Long> publishedOf(long agencyId) {
		return jdbc.sql("SELECT id FROM int_interpretation WHERE agency_id = ? AND status = 'PUBLISHED' ORDER BY id")
			.param(agencyId)
			.query(Long.class)
			.list();
	}

	private static SearchEntry entry(Interpretation i, Agency agency) {
		StringJoiner body = new StringJoiner(" ");
		add(body, i.summary());
		add(body, HtmlBodies.text(i.body()));
		for (Map.Entry<InterpretationSection, String> s : i.sections().entrySet()) {
			if (s.getValue() != null && !s.getValue().isBlank()) {
				add(body, s.getKey().label());
				add(body, HtmlBodies.text(s.getValue()));
			}
		}
		for (Interpretation.QaPair qa : i.qa()) {
			add(body, qa.question());
			add(body, HtmlBodies.text(qa.answer()));
		}
		add(body, HtmlBodies.text(i.transcript()));
		LocalDate date = i.publishedOn() != null ? i.publishedOn()
				: i.publishedAt() != null ? i.publishedAt().atZone(Zones.CHINA).toLocalDate()
						: i.updatedAt().atZone(Zones.CHINA).toLocalDate();
		StringJoiner keywords = new StringJoiner(" ");
		add(keywords, i.form().label());
		add(keywords, i.interpreter());
		add(keywords, i.interpreterTitle());
		add(keywords, i.mediaOutlet());
		add(keywords, i.theme());
		add(keywords, i.repostSource());
		String theme = i.theme() == null || i.theme().isBlank() ? null : Themes.topOf(i.theme());
		return new SearchEntry(KIND, i.id(), agency.id(), InterpretationPaths.item(agency, i.id()), i.title(),
				body.toString(), "", date, theme, keywords.toString(), false);
	}

	static void add(StringJoiner joiner, String text) {
		if (text != null && !text.isBlank()) {
			joiner.add(text.trim());
		}
	}
}
