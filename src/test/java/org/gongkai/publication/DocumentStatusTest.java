package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The item life cycle: which transitions are allowed. */
class DocumentStatusTest {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource({ "DRAFT, SUBMITTED, true", "DRAFT, PUBLISHED, false", "SUBMITTED, REVIEWED, true",
			"SUBMITTED, PUBLISHED, false", "SUBMITTED, RETURNED, true", "REVIEWED, PUBLISHED, true", "REVIEWED, LISTED, true",
			"REVIEWED, WITHHELD, true", "RETURNED, SUBMITTED, true", "RETURNED, REVIEWED, false",
			"PUBLISHED, WITHDRAWN, true", "PUBLISHED, DRAFT, false", "WITHHELD, PUBLISHED, true", "LISTED, PUBLISHED, true",
			"WITHDRAWN, PUBLISHED, false", "WITHDRAWN, DRAFT, false" })
	void transitions(DocumentStatus from, DocumentStatus to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "PROACTIVE, PUBLISHED", "ON_REQUEST, LISTED", "NOT_DISCLOSED, WITHHELD" })
	void theApprovedStateFollowsTheDisclosureAttribute(DisclosureAttribute attribute, DocumentStatus state) {
		assertThat(DocumentManagement.finalStateFor(attribute)).isEqualTo(state);
	}

	@ParameterizedTest
	@CsvSource({ "STATE_SECRET, r3_1", "THIRD_PARTY_INTERESTS, r3_4", "PROCESS_INFORMATION, r3_6", "ADMINISTRATIVE_INQUIRY, r3_8" })
	void everyExemptionGroundMapsToItsAnnualReportRow(ExemptionGround ground, String row) {
		assertThat(ground.reportRow()).isEqualTo(row);
	}
}
