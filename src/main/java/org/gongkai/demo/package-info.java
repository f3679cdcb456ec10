/**
 * The demo county seeded on first start of the embedded default: a county government, its
 * departments, townships and a village, their disclosure work bodies, staff accounts for every role and the
 * county head's mailbox, and about twenty published items with attachments and interpretations (DemoContent), and a
 * year of activity of the 发展和改革局 with its earlier annual reports, for the annual report (DemoYear), and the
 * oversight part: the county work plan, a training plan and the assessment schemes (DemoOversight).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "organisation", "identity", "interaction", "publication", "interpretation", "inforequest", "powers", "report", "oversight" })
package org.gongkai.demo;
