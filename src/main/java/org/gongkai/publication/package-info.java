/**
 * Government information items (政府信息): the disclosure attribute and its review, the confidentiality
 * check, publishing, withdrawal and correction, the Art. 26 time limit, personal-data and
 * sensitive-word checks, attachments, OA intake, the on-request catalogue, the normative-document
 * ledger and cleanup, reposting, and the items' public pages, feeds and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publication",
		allowedDependencies = { "platform", "organisation", "calendar", "catalog" })
package org.gongkai.publication;
