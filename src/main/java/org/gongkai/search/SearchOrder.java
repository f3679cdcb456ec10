package org.gongkai.search;

/** Result order: relevance (with freshness and validity, titles above bodies) or newest first. */
public enum SearchOrder {
	RELEVANCE, NEWEST
}
