package org.gongkai.interpretation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongkai.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The console's interpretation form: a mutable bean for binding, converted to an {@link InterpretationDraft}.
 * Sections bind as {@code sections[BACKGROUND]}, question-and-answer pairs as {@code qa[0].question}; the
 * policies are entered as document numbers separated by commas.
 */
class InterpretationFormData {

	/** Empty question-and-answer rows offered below the filled ones. */
	static final int EMPTY_QA_ROWS = 3;

	static final java.time.format.DateTimeFormatter DATETIME_LOCAL = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm");

	private String title;

	private InterpretationForm form;

	private String summary;

	private String body;

	private String theme;

	private String interpretingUnit;

	private String interpreter;

	private String interpreterTitle;

	private boolean principalLeader;

	private boolean followUp;

	private String mediaOutlet;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime eventAt;

	private String eventPlace;

	private String participants;

	private String mediaUrl;

	private String transcript;

	private String repostSource;

	private String repostSourceUrl;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate repostOriginalOn;

	private String documentIds;

	private Map<InterpretationSection, String> sections = new LinkedHashMap<>();

	private List<QaRow> qa = new ArrayList<>();

	/** One question and its answer as typed; blank rows are ignored when saved. */
	public static class QaRow {

		private String question;

		private String answer;

		public QaRow() {
		}

		QaRow(String question, String answer) {
			this.question = question;
			this.answer = answer;
		}

		public String getQuestion() { return question; }
		public void setQuestion(String v) { question = v; }
		public String getAnswer() { return answer; }
		public void setAnswer(String v) { answer = v; }
	}

	/** An empty form, optionally for one policy. */
	static InterpretationFormData blank(Long documentId) {
		InterpretationFormData f = new InterpretationFormData();
		f.form = InterpretationForm.TEXT;
		f.documentIds = documentId == null ? null : String.valueOf(documentId);
		return f;
	}

	static InterpretationFormData of(Interpretation i, String interpretingUnitCode) {
		InterpretationFormData f = new InterpretationFormData();
		f.title = i.title();
		f.form = i.form();
		f.summary = i.summary();
		f.body = i.body();
		f.theme = i.theme();
		f.interpretingUnit = interpretingUnitCode;
		f.interpreter = i.interpreter();
		f.interpreterTitle = i.interpreterTitle();
		f.principalLeader = i.principalLeader();
		f.followUp = i.followUp();
		f.mediaOutlet = i.mediaOutlet();
		f.eventAt = i.eventAt() == null ? null : LocalDateTime.ofInstant(i.eventAt(), org.gongkai.platform.Zones.CHINA);
		f.eventPlace = i.eventPlace();
		f.participants = i.participants();
		f.mediaUrl = i.mediaUrl();
		f.transcript = i.transcript();
		f.repostSource = i.repostSource();
		f.repostSourceUrl = i.repostSourceUrl();
		f.repostOriginalOn = i.repostOriginalOn();
		f.documentIds = i.documentIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
		f.sections = new LinkedHashMap<>(i.sections());
		f.qa = new ArrayList<>(i.qa().stream().map(p -> new QaRow(p.question(), p.answer())).toList());
		return f;
	}

	/** The filled rows followed by {@link #EMPTY_QA_ROWS} empty ones, for the form. */
	public List<QaRow> getQaRows() {
		List<QaRow> rows = new ArrayList<>(qa.stream().filter(r -> r != null).toList());
		for (int n = 0; n < EMPTY_QA_ROWS; n++) {
			rows.add(new QaRow());
		}
		return rows;
	}

	/** The event time as a {@code datetime-local} input value. */
	public String getEventAtInput() {
		return eventAt == null ? "" : eventAt.withSecond(0).withNano(0).format(DATETIME_LOCAL);
	}

	/** The draft for the service; the only check here is that the policies are numbers. */
	InterpretationDraft draft() {
		return new InterpretationDraft(title, form, summary, body, theme, interpretingUnit, interpreter, interpreterTitle,
				principalLeader, followUp, mediaOutlet, eventAt, eventPlace, participants, mediaUrl, transcript,
				repostSource, repostSourceUrl, repostOriginalOn, parseIds(documentIds, "documentIds"), sections,
				qa.stream().filter(r -> r != null).map(r -> new Interpretation.QaPair(r.question, r.answer)).toList());
	}

	/** Document numbers separated by commas, Chinese commas, semicolons or spaces. */
	static List<Long> parseIds(String text, String field) {
		List<Long> ids = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return ids;
		}
		for (String part : text.trim().split("[,，;；、\\s]+")) {
			if (part.isEmpty()) {
				continue;
			}
			try {
				ids.add(Long.parseLong(part));
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of(field, "文件编号应为数字，多个编号用逗号分隔（“" + part + "”不是编号）");
			}
		}
		return ids;
	}

	public String getTitle() { return title; }
	public void setTitle(String v) { title = v; }
	public InterpretationForm getForm() { return form; }
	public void setForm(InterpretationForm v) { form = v; }
	public String getSummary() { return summary; }
	public void setSummary(String v) { summary = v; }
	public String getBody() { return body; }
	public void setBody(String v) { body = v; }
	public String getTheme() { return theme; }
	public void setTheme(String v) { theme = v; }
	public String getInterpretingUnit() { return interpretingUnit; }
	public void setInterpretingUnit(String v) { interpretingUnit = v; }
	public String getInterpreter() { return interpreter; }
	public void setInterpreter(String v) { interpreter = v; }
	public String getInterpreterTitle() { return interpreterTitle; }
	public void setInterpreterTitle(String v) { interpreterTitle = v; }
	public boolean isPrincipalLeader() { return principalLeader; }
	public void setPrincipalLeader(boolean v) { principalLeader = v; }
	public boolean isFollowUp() { return followUp; }
	public void setFollowUp(boolean v) { followUp = v; }
	public String getMediaOutlet() { return mediaOutlet; }
	public void setMediaOutlet(String v) { mediaOutlet = v; }
	public LocalDateTime getEventAt() { return eventAt; }
	public void setEventAt(LocalDateTime v) { eventAt = v; }
	public String getEventPlace() { return eventPlace; }
	public void setEventPlace(String v) { eventPlace = v; }
	public String getParticipants() { return participants; }
	public void setParticipants(String v) { participants = v; }
	public String getMediaUrl() { return mediaUrl; }
	public void setMediaUrl(String v) { mediaUrl = v; }
	public String getTranscript() { return transcript; }
	public void setTranscript(String v) { transcript = v; }
	public String getRepostSource() { return repostSource; }
	public void setRepostSource(String v) { repostSource = v; }
	public String getRepostSourceUrl() { return repostSourceUrl; }
	public void setRepostSourceUrl(String v) { repostSourceUrl = v; }
	public LocalDate getRepostOriginalOn() { return repostOriginalOn; }
	public void setRepostOriginalOn(LocalDate v) { repostOriginalOn = v; }
	public String getDocumentIds() { return documentIds; }
	public void setDocumentIds(String v) { documentIds = v; }
	public Map<InterpretationSection, String> getSections() { return sections; }
	public void setSections(Map<InterpretationSection, String> v) { sections = v == null ? new LinkedHashMap<>() : v; }
	public List<QaRow> getQa() { return qa; }
	public void setQa(List<QaRow> v) { qa = v == null ? new ArrayList<>() : v; }
}
