package org.gongkai.publication;

import java.time.LocalDate;

import org.gongkai.organisation.Agency;
import org.springframework.stereotype.Component;

/**
 * Assigns 索引号 from the agency's pattern (default {@code {creditCode}/{yyyy}-{serial5}}). The serial
 * is per agency and year, taken inside the approving transaction, and the column is unique.
 */
@Component
class IndexNumbers {

	private final Documents documents;

	private final PublicationSettings settings;

	IndexNumbers(Documents documents, PublicationSettings settings) {
		this.documents = documents;
		this.settings = settings;
	}

	String next(Agency agency, LocalDate day) {
		String pattern = settings.of(agency.id()).indexPattern();
		int serial = documents.nextSerial(agency.id(), day.getYear());
		return format(pattern, agency, day, serial);
	}

	static String format(String pattern, Agency agency, LocalDate day, int serial) {
		String org = agency.creditCode() != null ? agency.creditCode() : agency.code();
		return pattern.replace("{creditCode}", org)
			.replace("{code}", agency.code())
			.replace("{yyyymm}", String.format("%04d%02d", day.getYear(), day.getMonthValue()))
			.replace("{yyyy}", String.format("%04d", day.getYear()))
			.replace("{serial5}", String.format("%05d", serial))
			.replace("{serial}", Integer.toString(serial));
	}
}
