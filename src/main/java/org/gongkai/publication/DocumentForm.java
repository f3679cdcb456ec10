package org.gongkai.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The console's item form (a mutable bean for binding; converted to a {@link DocumentDraft}). */
class DocumentForm {

	private String title;

	private String summary;

	private String body;

	private String issuingOrgan;

	private String documentNumber;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate writtenOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate formedOn;

	private String theme;

	private String documentType;

	private String keywords;

	private boolean normative;

	private boolean governmentRule;

	private List<String> catalogNodes = new ArrayList<>();

	private DisclosureAttribute attribute;

	private ExemptionGround exemptionGround;

	private String exemptionReason;

	private String repostSource;

	private String repostSourceUrl;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate repostOriginalOn;

	static DocumentForm of(Document d, java.util.function.Function<Long, String> nodeCode) {
		DocumentForm f = new DocumentForm();
		f.title = d.title();
		f.summary = d.summary();
		f.body = d.body();
		f.issuingOrgan = d.issuingOrgan();
		f.documentNumber = d.documentNumber();
		f.writtenOn = d.writtenOn();
		f.formedOn = d.formedOn();
		f.theme = d.theme();
		f.documentType = d.documentType();
		f.keywords = d.keywords();
		f.normative = d.normative();
		f.governmentRule = d.governmentRule();
		f.catalogNodes = new ArrayList<>(d.nodeIds().stream().map(nodeCode).toList());
		f.attribute = d.attribute();
		f.exemptionGround = d.exemptionGround();
		f.exemptionReason = d.exemptionReason();
		f.repostSource = d.repostSource();
		f.repostSourceUrl = d.repostSourceUrl();
		f.repostOriginalOn = d.repostOriginalOn();
		return f;
	}

	DocumentDraft draft() {
		return new DocumentDraft(title, summary, body, issuingOrgan, documentNumber, writtenOn, formedOn, theme, documentType,
				keywords, normative, governmentRule, catalogNodes.stream().filter(c -> c != null && !c.isBlank()).toList(),
				attribute, exemptionGround, exemptionReason, repostSource, repostSourceUrl, repostOriginalOn);
	}

	public String getTitle() { return title; }
	public void setTitle(String v) { title = v; }
	public String getSummary() { return summary; }
	public void setSummary(String v) { summary = v; }
	public String getBody() { return body; }
	public void setBody(String v) { body = v; }
	public String getIssuingOrgan() { return issuingOrgan; }
	public void setIssuingOrgan(String v) { issuingOrgan = v; }
	public String getDocumentNumber() { return documentNumber; }
	public void setDocumentNumber(String v) { documentNumber = v; }
	public LocalDate getWrittenOn() { return writtenOn; }
	public void setWrittenOn(LocalDate v) { writtenOn = v; }
	public LocalDate getFormedOn() { return formedOn; }
	public void setFormedOn(LocalDate v) { formedOn = v; }
	public String getTheme() { return theme; }
	public void setTheme(String v) { theme = v; }
	public String getDocumentType() { return documentType; }
	public void setDocumentType(String v) { documentType = v; }
	public String getKeywords() { return keywords; }
	public void setKeywords(String v) { keywords = v; }
	public boolean isNormative() { return normative; }
	public void setNormative(boolean v) { normative = v; }
	public boolean isGovernmentRule() { return governmentRule; }
	public void setGovernmentRule(boolean v) { governmentRule = v; }
	public List<String> getCatalogNodes() { return catalogNodes; }
	public void setCatalogNodes(List<String> v) { catalogNodes = v == null ? new ArrayList<>() : v; }
	public DisclosureAttribute getAttribute() { return attribute; }
	public void setAttribute(DisclosureAttribute v) { attribute = v; }
	public ExemptionGround getExemptionGround() { return exemptionGround; }
	public void setExemptionGround(ExemptionGround v) { exemptionGround = v; }
	public String getExemptionReason() { return exemptionReason; }
	public void setExemptionReason(String v) { exemptionReason = v; }
	public String getRepostSource() { return repostSource; }
	public void setRepostSource(String v) { repostSource = v; }
	public String getRepostSourceUrl() { return repostSourceUrl; }
	public void setRepostSourceUrl(String v) { repostSourceUrl = v; }
	public LocalDate getRepostOriginalOn() { return repostOriginalOn; }
	public void setRepostOriginalOn(LocalDate v) { repostOriginalOn = v; }
}
