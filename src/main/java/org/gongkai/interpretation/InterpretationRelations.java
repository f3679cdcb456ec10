package org.gongkai.interpretation;

import java.util.List;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.publication.DocumentRelations;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A policy's public interpretations, listed on its page under 政策解读 and in the API as {@code interpretations}. */
@Component
@Order(1)
class InterpretationRelations implements DocumentRelations {

	private final InterpretationQueries queries;

	private final AgencyDirectory agencies;

	InterpretationRelations(InterpretationQueries queries, AgencyDirectory agencies) {
		this.queries = queries;
		this.agencies = agencies;
	}

	@Override
	public String key() {
		return "interpretations";
	}

	@Override
	public String heading() {
		return "政策解读";
	}

	@Override
	public List<RelatedLink> publicLinks(long documentId) {
		return queries.publicOf(documentId)
			.stream()
			.flatMap(i -> agencies.findById(i.agencyId())
				.filter(org.gongkai.organisation.Agency::active)
				.map(a -> new RelatedLink(i.id(), i.title(), InterpretationPaths.item(a, i.id()),
						i.form().label() + "，" + i.publishedOn()))
				.stream())
			.toList();
	}

	/** The responses to public concern about a policy, under 回应关切 and {@code responses}. */
	@Component
	@Order(2)
	static class ResponseRelations implements DocumentRelations {

		private final InterpretationQueries queries;

		private final AgencyDirectory agencies;

		ResponseRelations(InterpretationQueries queries, AgencyDirectory agencies) {
			this.queries = queries;
			this.agencies = agencies;
		}

		@Override
		public String key() {
			return "responses";
		}

		@Override
		public String heading() {
			return "回应关切";
		}

		@Override
		public List<RelatedLink> publicLinks(long documentId) {
			return queries.publicResponsesAbout(documentId)
				.stream()
				.flatMap(r -> agencies.findById(r.agencyId())
					.filter(org.gongkai.organisation.Agency::active)
					.map(a -> new RelatedLink(r.id(), r.title(), InterpretationPaths.concern(a, r.id()),
							r.publishedAt().atZone(org.gongkai.platform.Zones.CHINA).toLocalDate().toString()))
					.stream())
				.toList();
		}
	}
}
