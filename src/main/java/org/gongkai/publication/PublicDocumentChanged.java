package org.gongkai.publication;

import java.util.List;

/**
 * Published after anything that may change a public surface: an item published, corrected, withdrawn,
 * re-filed or marked repealed. {@code nodeIds} are the catalogue nodes the item was or is filed under.
 */
public record PublicDocumentChanged(long documentId, long agencyId, List<Long> nodeIds) {
}
