package org.gongkai.platform;

/**
 * Published by a module after it rewrote or removed public pages of an agency, so that shared pages
 * (the sitemap, the agency's home page) are brought up to date.
 */
public record PublicPagesChanged(Long agencyId) {
}
