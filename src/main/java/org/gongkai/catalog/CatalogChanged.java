package org.gongkai.catalog;

/** Published after an agency's catalogue tree changed (a node added, renamed, moved, hidden). */
public record CatalogChanged(long agencyId) {
}
