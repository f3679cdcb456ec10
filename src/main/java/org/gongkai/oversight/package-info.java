/**
 * Running the disclosure work, not only doing it (issue 11): the yearly work plan broken into tasks that units claim,
 * fill with measures and report on monthly, with supervision notes and closing item by item (销号); automatic
 * inspection of every agency from the records themselves (column freshness, empty columns, unanswered messages, late
 * publication, interpretation, enforcement publicity, requests, consultations, service guides, broken links) scored
 * against an indicator catalogue kept as data, with warnings before each single-veto threshold; monthly self-checks,
 * quarterly inspections with findings, rectification and re-checks, and generated bulletins (通报); the January
 * source review and the November re-decision of items not public; assessment schemes with yearly runs, ranking and
 * score sheets; and training plans, sessions, attendance and tests.
 * <p>
 * Figures come from the statistics of the modules that own the records; oversight never recounts their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight",
		allowedDependencies = { "platform", "organisation", "identity", "calendar", "catalog", "publication",
				"interpretation", "inforequest", "interaction", "powers", "participation", "report" })
package org.gongkai.oversight;
