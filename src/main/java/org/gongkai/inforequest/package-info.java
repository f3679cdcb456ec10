/**
 * Disclosure on request (依申请公开, 条例 Arts. 27–45): applications online, by post, fax, in person or orally;
 * the receipt date of Art. 31; the statutory clock with one correction request, consultations that pause it,
 * extension and the Art. 35 deadline; handling and typed replies mapped to the annual-report rows; the
 * information-processing fee of 国办函〔2020〕109号; reconsideration and litigation; the annual-report tables
 * 三 and 四; the applicant's tracking page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Information requests",
		allowedDependencies = { "platform", "organisation", "calendar" })
package org.gongkai.inforequest;
