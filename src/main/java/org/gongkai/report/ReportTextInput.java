package org.gongkai.report;

import java.util.Map;

/** The edited sections of a report: 一, 五, 六 (free text before the parts) and the parts of 六. */
public record ReportTextInput(String one, String five, String six, Map<ReportSixPart, String> sixParts) {
}
