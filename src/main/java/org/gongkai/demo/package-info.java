/**
 * The demo county seeded on first start of the embedded default: a county government, its
 * departments, townships and a village, their disclosure work bodies, staff accounts for every role and the
 * county head's mailbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "organisation", "identity", "interaction" })
package org.gongkai.demo;
