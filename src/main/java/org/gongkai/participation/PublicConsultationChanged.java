package org.gongkai.participation;

/**
 * A consultation appeared on, changed on or left the portal (published, closed, a comment shown, feedback published,
 * withdrawn). Published inside the changing transaction; meant for the sitemap and the future search index.
 *
 * @param isPublic whether the consultation is on the portal after the change
 */
public record PublicConsultationChanged(long id, long agencyId, boolean isPublic) {
}
