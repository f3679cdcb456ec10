package org.gongkai.publication;

import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of items: what the public may see, and what staff of the item's agency may see. */
@Service
@Transactional(readOnly = true)
public class PublicationQueries {

	public record Page(List<DocumentSummary> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	private final Documents documents;

	private final Attachments attachments;

	private final AgencyAccess access;

	private final org.gongkai.calendar.WorkingDayCalendar calendar;

	PublicationQueries(Documents documents, Attachments attachments, AgencyAccess access,
			org.gongkai.calendar.WorkingDayCalendar calendar) {
		this.documents = documents;
		this.attachments = attachments;
		this.access = access;
		this.calendar = calendar;
	}

	/**
	 * For a repost, the working days between the original's publication and ours (target: 1, seed 001
	 * item 7); a provisional count when a year is not loaded.
	 */
	public Optional<Integer> repostLag(Document d) {
		if (d.repostOriginalOn() == null || d.publishedOn() == null) {
			return Optional.empty();
		}
		if (!d.publishedOn().isAfter(d.repostOriginalOn())) {
			return Optional.of(0);
		}
		int lag = 0;
		java.time.LocalDate day = d.repostOriginalOn();
		while (day.isBefore(d.publishedOn()) && lag < 1000) {
			day = calendar.addWorkingDaysProvisionally(day, 1).date();
			if (!day.isAfter(d.publishedOn())) {
				lag++;
			}
		}
		return Optional.of(lag);
	}

	/** Published items only, newest first; {@code page} counts from 1. */
	public Page publicPage(DocumentQuery query, int page, int size) {
		return publicPage(query, page, size, null);
	}

	Page publicPage(DocumentQuery query, int page, int size, Long knownTotal) {
		DocumentQuery published = new DocumentQuery(query.agencyIds(), query.nodeIds(), query.year(), query.theme(),
				query.documentType(), query.validity(), query.indexNumber(), List.of(DocumentStatus.PUBLISHED),
				query.text(), query.normative());
		int p = Math.max(page, 1);
		Documents.Page result = documents.page(published, (p - 1) * size, size, knownTotal);
		return new Page(result.items(), result.total(), p, size);
	}

	/** Published items under these nodes: the total a list shows. */
	long publicCount(long agencyId, java.util.Collection<Long> nodeIds) {
		return documents.page(new DocumentQuery(List.of(agencyId), nodeIds, null, null, null, null, null,
				List.of(DocumentStatus.PUBLISHED), null, null), 0, 0, null).total();
	}

	/** A published item, or empty for anything not public (withdrawn, on request, withheld, unpublished). */
	public Optional<Document> publicDocument(long id) {
		return documents.findById(id).filter(Document::isPublic);
	}

	List<long[]> publicIds() {
		return documents.publicIds();
	}

	public List<Attachment> attachments(long documentId) {
		return attachments.of(documentId);
	}

	/** Any item of an agency the current staff member works for (403 otherwise). */
	public Document staffView(long id) {
		Document doc = documents.findById(id).orElseThrow(() -> DomainException.notFound("该信息不存在"));
		if (!access.allows(Actors.require(), doc.agencyId(), Role.values())) {
			throw DomainException.forbidden("您没有查看其他单位信息的权限");
		}
		return doc;
	}

	public List<HistoryEntry> history(long id) {
		staffView(id);
		return documents.history(id);
	}

	public List<DocumentVersion> versions(long id) {
		staffView(id);
		return documents.versions(id);
	}

	/** Staff lists for the given agencies, any status; callers pass only agencies the actor may see. */
	Page staffPage(DocumentQuery query, int page, int size) {
		int p = Math.max(page, 1);
		Documents.Page result = documents.consolePage(query, (p - 1) * size, size);
		return new Page(result.items(), result.total(), p, size);
	}

	public java.util.Map<Long, java.time.LocalDate> lastPublishedByNode(long agencyId) {
		return documents.lastPublishedByNode(agencyId);
	}

	public java.util.Map<Long, Long> publishedCountByNode(long agencyId) {
		return documents.publishedCountByNode(agencyId);
	}
}
