package org.gongkai.publication;

import java.time.LocalDate;
import java.util.List;
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
 * Government information items (政府信息) for the site search: every item on the portal now, that is published (not
 * withdrawn, not only listed on request, not withheld) by an agency that is not abolished. A repealed or lapsed
 * item stays public and is marked out of force. The theme facet is the top-level 主题分类; document number, index
 * number, issuing organ, document type, the full theme and the item's keywords find it without being shown.
 */
@Component
class DocumentSearchSource implements SearchSource {

	static final String KIND = "document";

	private final PublicationQueries queries;

	private final AgencyDirectory agencies;

	private final AttachmentText attachmentText;

	private final JdbcClient jdbc;

	DocumentSearchSource(PublicationQueries queries, AgencyDirectory agencies, AttachmentText attachmentText,
			JdbcClient jdbc) {
		this.queries = queries;
		this.agencies = agencies;
		this.attachmentText = attachmentText;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "政府信息";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicDocument(id).flatMap(doc -> agencies.findById(doc.agencyId())
			.filter(Agency::active)
			.map(agency -> entry(doc, agency)));
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		// ids only in memory; each item is read (with its attachments' text) when its turn comes
		for (long[] agencyAndId : queries.publicIds()) {
			publicEntry(agencyAndId[1]).ifPresent(sink);
		}
	}

	/** Every item of an agency that is or was published: what to look at again when the agency changed. */
	List<Long> publishedOf(long agencyId) {
		return jdbc.sql("SELECT id FROM pub_document WHERE agency_id = ? AND status = 'PUBLISHED' ORDER BY id")
			.param(agencyId)
			.query(Long.class)
			.list();
	}

	private SearchEntry entry(Document doc, Agency agency) {
		String body = join(" ", doc.summary(), HtmlBodies.text(doc.body()));
		LocalDate date = doc.publishedOn() != null ? doc.publishedOn()
				: doc.publishedAt() != null ? doc.publishedAt().atZone(Zones.CHINA).toLocalDate() : doc.formedOn();
		String theme = doc.theme() == null || doc.theme().isBlank() ? null : Themes.topOf(doc.theme());
		String keywords = join(" ", doc.documentNumber(), doc.indexNumber(), doc.issuingOrgan(), doc.documentType(),
				doc.theme(), doc.keywords());
		return new SearchEntry(KIND, doc.id(), agency.id(), PublicationPaths.document(agency, doc.id()), doc.title(), body,
				attachmentText.of(queries.attachments(doc.id())), date, theme, keywords, doc.validity() != Validity.IN_FORCE);
	}

	static String join(String separator, String... parts) {
		StringJoiner joiner = new StringJoiner(separator);
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				joiner.add(p.trim());
			}
		}
		return joiner.toString();
	}
}
