package org.gongkai.platform;

import java.time.LocalDate;

/**
 * One record behind a statistics figure, so that a reviewer can audit any number of a report (the annual report's
 * cells, oversight's indicators): its reference (a document number, a tracking code), a short title without
 * personal data, the date that placed it in the period, and the console address where staff open it.
 */
public record CountedRecord(String reference, String title, LocalDate date, String consoleUrl) {
}
