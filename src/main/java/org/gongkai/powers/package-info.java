/**
 * Power lists, service guides and enforcement publicity (清单与执法公示, issue 9): the power and responsibility
 * list (权责清单) with its versions and the comparison of the same item across levels (三级四同); public-service,
 * intermediary-service, fee and certification lists and service guides with their ten key elements; Excel import
 * and export of the lists; licence and penalty decisions (双公示) within 7 working days and the withdrawal of a
 * changed penalty within 3 days; enforcement publicity before and after (三项制度); random inspections (双随机、一公开)
 * with a reproducible draw; the yearly counts of table 二 of the annual report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Powers and enforcement publicity",
		allowedDependencies = { "platform", "organisation", "calendar" })
package org.gongkai.powers;
