package org.gongkai.report;

/**
 * A problem found in a report version by {@link ReportChecks}: a failed check V1–V3 of domain-rules.md §2.3, a
 * table 四 total, a missing or copied text.
 *
 * @param target what the problem is about: a cell key, {@code section.one|five|six}, {@code six.<part>} or
 *        {@code report}
 * @param message the problem in Chinese, naming the failing cell or column by its printed label
 * @param blocking true when the report cannot be approved (or imported) while the problem stands
 */
public record ReportProblem(String target, String message, boolean blocking) {
}
