package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One item of an agency's yearly major-decision catalogue (重大行政决策事项目录): the matter, its undertaking unit,
 * the planned decision time, the ways the public takes part, which optional stages it needs, its progress and, once
 * decided, the decision document and the post-evaluation.
 *
 * @param unitAgencyId the undertaking unit (承办单位), an agency of the directory
 * @param unitOffice the undertaking office inside it (承办科室), may be null
 * @param planMonth the planned month (1–12), or null when a quarter is planned
 * @param planQuarter the planned quarter (1–4), or null when a month is planned
 * @param participationExempt whether public participation is not required, with {@code exemptReason} its legal ground
 * @param addedLate whether the item was added after its catalogue was published (an adjustment)
 */
public record MajorDecision(long id, long catalogId, long agencyId, int year, int seq, String title, String summary,
		long unitAgencyId, String unitOffice, Integer planMonth, Integer planQuarter, List<Method> methods,
		String otherMethod, boolean expertRequired, boolean riskRequired, boolean participationExempt,
		String exemptReason, Status status, String statusReason, boolean addedLate, String decisionTitle,
		String decisionNumber, LocalDate decidedOn, String decisionUrl, String decisionFileKey, String decisionFileName,
		LocalDate evaluatedOn, String evaluationSummary, String evaluationUrl, String evaluationFileKey,
		String evaluationFileName, int version, String createdBy, Instant createdAt, Instant updatedAt) {

	public MajorDecision {
		methods = List.copyOf(methods);
	}

	/** 计划决策时间 as shown: 2026年6月 or 2026年第二季度. */
	public String plannedLabel() {
		return MajorDecisionRules.plannedLabel(year, planMonth, planQuarter);
	}

	/** The last day of the planned month or quarter. */
	public LocalDate plannedBy() {
		return MajorDecisionRules.plannedBy(year, planMonth, planQuarter);
	}

	/** 公众参与方式 as shown, joined by 、. */
	public String methodsLabel() {
		StringBuilder out = new StringBuilder();
		for (Method m : methods) {
			if (!out.isEmpty()) {
				out.append('、');
			}
			out.append(m == Method.OTHER && otherMethod != null ? otherMethod : m.label());
		}
		if (participationExempt) {
			return out.isEmpty() ? "依法不需要公众参与" : out.toString();
		}
		return out.isEmpty() ? "—" : out.toString();
	}

	public boolean decided() {
		return status == Status.DECIDED;
	}

	/** 进展状态. */
	public enum Status {

		NOT_STARTED("未启动"), IN_PROGRESS("推进中"), DECIDED("已决策"), SUSPENDED("已暂缓"), REMOVED("已调出目录");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** Whether procedure stages may still be recorded. */
		public boolean open() {
			return this == NOT_STARTED || this == IN_PROGRESS;
		}
	}

	/** 公众参与方式 (条例 Art. 14: 座谈会、听证会、实地走访、书面征求意见、向社会公开征求意见、问卷调查、民意调查). */
	public enum Method {

		HEARING("听证座谈"), ONLINE("网络征集意见"), CONSULTATION("咨询协商"), MEDIA("媒体沟通"), SURVEY("民意调查"),
		EXPERT_MEETING("专家论证会"), OTHER("其他方式");

		private final String label;

		Method(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** An agency's catalogue of one year; public once {@code published}. */
	public record Catalog(long id, long agencyId, int year, boolean published, LocalDate publishedOn, String approvalNote,
			Instant publishedAt, Instant updatedAt) {
	}

	/** A recorded procedure stage with its documents. */
	public record StageRecord(long id, long decisionId, MajorDecisionStage stage, LocalDate completedOn, String summary,
			boolean isPublic, MajorDecisionStage.Outcome outcome, MajorDecisionStage.MeetingForm meetingForm,
			String recordedBy, Instant recordedAt, List<Document> documents) {

		public StageRecord {
			documents = List.copyOf(documents);
		}

		public StageRecord withDocuments(List<Document> docs) {
			return new StageRecord(id, decisionId, stage, completedOn, summary, isPublic, outcome, meetingForm, recordedBy,
					recordedAt, docs);
		}
	}

	/** A document of a stage: a stored file ({@code fileKey}) or a link ({@code url}). */
	public record Document(long id, long decisionId, long stageId, String title, String url, String fileKey,
			String fileName, Long fileSize) {

		public boolean isFile() {
			return fileKey != null;
		}
	}

	/** An entry of the execution progress (决策执行情况). */
	public record Progress(long id, long decisionId, LocalDate on, String content, Instant recordedAt) {
	}

	/**
	 * An entry of a published catalogue's public change history.
	 *
	 * @param detail what an adjustment of an item changed, before and after; null for other kinds
	 */
	public record Change(long id, long catalogId, Long decisionId, ChangeKind kind, String title, String reason,
			String detail, LocalDate on, Instant at) {
	}

	/** What changed in a published catalogue. */
	public enum ChangeKind {

		PUBLISHED("公布目录"), ADDED("增加事项"), REMOVED("调出目录"), SUSPENDED("暂缓推进"), RESUMED("恢复推进"),
		DECIDED("作出决策"), ADJUSTED("调整事项");

		private final String label;

		ChangeKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
