/**
 * The public portal: home page, agency directory and each agency's 政府信息公开 column, rendered by
 * the platform's one renderer both on request and into the static site when something changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal", allowedDependencies = { "platform", "organisation", "catalog" })
package org.gongkai.portal;
