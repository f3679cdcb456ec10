package org.gongkai.report;

import java.time.LocalDate;

/**
 * The date by which an agency's report for a year is to be published ({@link ReportRules}).
 *
 * @param statutory true when the date is set by 条例第四十九条; false for a supervisor's setting (townships, villages)
 * @param basis the rule in Chinese, e.g. 「条例第四十九条：部门于每年1月31日前公布上一年度报告」
 */
public record ReportDeadline(LocalDate dueOn, boolean statutory, String basis) {
}
