/**
 * Government–public interaction (政民互动): the message board and leader mailboxes with review, assignment,
 * reply deadlines in working days, extension, supervision and the sender's rating and one reopening; the
 * publication of replied messages with personal data masked; monthly statistics and the 3-month warning of
 * the government-website inspection; deputies' suggestions and CPPCC proposals (建议提案) with their lead and
 * co-handling units, face-to-face consultation, replies and publication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interaction",
		allowedDependencies = { "platform", "organisation", "calendar", "interpretation" })
package org.gongkai.interaction;
