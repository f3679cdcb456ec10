package org.gongkai.search;

/** One value of a facet with the number of matching entries; {@code value} is the kind key, agency id, theme or year. */
public record FacetCount(String value, long count) {
}
