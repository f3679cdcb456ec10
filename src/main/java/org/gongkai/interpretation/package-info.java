/**
 * Policy interpretation and responses to public concern (政策解读与回应关切): interpretations in every form
 * linked to the policies they explain, the 三同步 rule (a plan with the submission, the material or a
 * recorded reason with the approval), the three-working-day timeliness duty, reposted superior
 * interpretations, hot topics with their public-opinion risk assessment and published responses, and
 * their public columns, feeds and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interpretation",
		allowedDependencies = { "platform", "organisation", "calendar", "catalog", "publication" })
package org.gongkai.interpretation;
