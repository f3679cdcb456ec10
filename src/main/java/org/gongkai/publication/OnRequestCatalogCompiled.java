package org.gongkai.publication;

/** An on-request catalogue issue was compiled: its page and the agency's on-request node change. */
public record OnRequestCatalogCompiled(long agencyId, long issueId) {
}
