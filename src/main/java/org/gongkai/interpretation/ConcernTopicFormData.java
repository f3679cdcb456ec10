package org.gongkai.interpretation;

import java.time.LocalDateTime;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;

/** The console's topic-of-concern form, converted to a {@link ConcernManagement.TopicDraft}. */
class ConcernTopicFormData {

	private String title;

	private ConcernTopic.Source source;

	private String sourceNote;

	private String description;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime detectedAt;

	private String documentIds;

	static ConcernTopicFormData of(ConcernTopic t) {
		ConcernTopicFormData f = new ConcernTopicFormData();
		f.title = t.title();
		f.source = t.source();
		f.sourceNote = t.sourceNote();
		f.description = t.description();
		f.detectedAt = t.detectedAt() == null ? null
				: LocalDateTime.ofInstant(t.detectedAt(), org.gongkai.platform.Zones.CHINA).withSecond(0).withNano(0);
		f.documentIds = t.documentIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
		return f;
	}

	/** The detection time as a {@code datetime-local} input value. */
	public String getDetectedAtInput() {
		return detectedAt == null ? "" : detectedAt.format(InterpretationFormData.DATETIME_LOCAL);
	}

	ConcernManagement.TopicDraft draft() {
		return new ConcernManagement.TopicDraft(title, source, sourceNote, description, detectedAt,
				InterpretationFormData.parseIds(documentIds, "documentIds"));
	}

	public String getTitle() { return title; }
	public void setTitle(String v) { title = v; }
	public ConcernTopic.Source getSource() { return source; }
	public void setSource(ConcernTopic.Source v) { source = v; }
	public String getSourceNote() { return sourceNote; }
	public void setSourceNote(String v) { sourceNote = v; }
	public String getDescription() { return description; }
	public void setDescription(String v) { description = v; }
	public LocalDateTime getDetectedAt() { return detectedAt; }
	public void setDetectedAt(LocalDateTime v) { detectedAt = v; }
	public String getDocumentIds() { return documentIds; }
	public void setDocumentIds(String v) { documentIds = v; }
}
