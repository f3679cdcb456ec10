package org.gongkai.interpretation;

/** An interpretation's public state may have changed: its pages, its agency's column and the site-wide column follow. */
public record InterpretationChanged(long interpretationId, long agencyId) {
}
