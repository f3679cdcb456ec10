package org.gongkai.interpretation;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.HtmlBodies;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Responses to public concern (回应关切) for the site search: published responses of agencies that are not abolished.
 * The topic is internal except for its title, which the response page shows as 关切事项; only that title is used.
 */
@Component
class ConcernSearchSource implements SearchSource {

	static final String KIND = "concern";

	private final InterpretationQueries queries;

	private final AgencyDirectory agencies;

	private final JdbcClient jdbc;

	ConcernSearchSource(InterpretationQueries queries, AgencyDirectory agencies, JdbcClient jdbc) {
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
		return "回应关切";
	}

	@Override
	public int order() {
		return 25;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicResponse(id)
			.flatMap(r -> agencies.findById(r.agencyId()).filter(Agency::active).map(agency -> entry(r, agency)));
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (long[] agencyAndId : queries.publicResponseIds()) {
			publicEntry(agencyAndId[1]).ifPresent(sink);
		}
	}

	/** The agency's responses that are or were published: what to look at again when the agency changed. */
	List<Long> publishedOf(long agencyId) {
		return jdbc.sql("SELECT id FROM int_response WHERE agency_id = ? AND status = 'PUBLISHED' ORDER BY id")
			.param(agencyId)
			.query(Long.class)
			.list();
	}

	private SearchEntry entry(ConcernResponse r, Agency agency) {
		StringJoiner keywords = new StringJoiner(" ");
		queries.topicOfPublicResponse(r).ifPresent(t -> InterpretationSearchSource.add(keywords, t.title()));
		InterpretationSearchSource.add(keywords, r.channel());
		return new SearchEntry(KIND, r.id(), agency.id(), InterpretationPaths.concern(agency, r.id()), r.title(),
				HtmlBodies.text(r.body()), "", (r.publishedAt() != null ? r.publishedAt() : r.createdAt())
					.atZone(Zones.CHINA).toLocalDate(), null, keywords.toString(), false);
	}
}
