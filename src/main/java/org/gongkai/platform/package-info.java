/**
 * Technical foundation: the {@link java.time.Clock}, security chains, RFC 9457 error handling,
 * Chinese error pages, the page renderer and the static site writer, and the small contracts
 * that every module shares (the acting {@link org.gongkai.platform.Actor}, domain exceptions,
 * the {@link org.gongkai.platform.ChangeRecorded} audit event, console menu contributions).
 * Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.gongkai.platform;
