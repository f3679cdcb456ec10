/**
 * The statutory annual report (政府信息公开工作年度报告, 条例 Arts. 49–50, issue 10) in the national format of
 * 国办公开办函〔2021〕30号: tables 二–四 composed from the statistics queries of the modules that own the data (the
 * rules of counting stay there), sections 一, 五 and 六 edited from a drafted set of facts, the checks V1–V3 before
 * approval, the workflow draft → reviewed → approved → published with immutable published versions and visible
 * corrections, downloads as Word, PDF and Excel, the supervisor's roll-up, and the import of earlier years'
 * reports including the 2019 format.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annual report",
		allowedDependencies = { "platform", "organisation", "calendar", "publication", "interpretation", "inforequest",
				"interaction", "powers", "participation" })
package org.gongkai.report;
