package org.gongkai.publication;

/** Another module's public records related to an item changed: the item's public page is rewritten. */
public record DocumentRelationsChanged(long documentId) {
}
