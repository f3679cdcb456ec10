/**
 * Staff accounts, roles scoped to an agency or its subtree, form and HTTP Basic login with
 * lock-out, password changes, and per-agency integration tokens stored as hashes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "organisation" })
package org.gongkai.identity;
