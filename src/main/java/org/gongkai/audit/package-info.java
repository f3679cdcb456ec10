/**
 * The append-only audit trail: every {@link org.gongkai.platform.ChangeRecorded} is stored in the
 * transaction that made the change, and administrators and supervisors search it in the console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "platform", "organisation" })
package org.gongkai.audit;
