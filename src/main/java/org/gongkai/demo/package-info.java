/**
 * The demo county seeded on first start of the embedded default: a county government, its
 * departments, townships and a village, their disclosure work bodies and staff accounts for every role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "organisation", "identity" })
package org.gongkai.demo;
