/**
 * The demo county seeded on first start of the embedded default: a county government, its
 * departments, townships and a village, their disclosure work bodies, staff accounts for every role and the
 * county head's mailbox, and about twenty published items with attachments and interpretations (DemoContent).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "organisation", "identity", "interaction", "publication", "interpretation" })
package org.gongkai.demo;
