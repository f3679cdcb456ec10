package org.gongkai.participation;

/**
 * The statutory procedure stages of a major administrative decision (《重大行政决策程序暂行条例》, 国务院令第713号),
 * in the order the ordinance lays them down; {@link MajorDecisionRules} says which must precede which.
 */
public enum MajorDecisionStage {

	/** 公众参与, Arts. 14–17. */
	PUBLIC_PARTICIPATION("公众参与"),
	/** 专家论证, Arts. 19–21: required for professional or technical matters. */
	EXPERT_ARGUMENT("专家论证"),
	/** 风险评估, Arts. 22–24: required where social stability or public safety may be harmed. */
	RISK_ASSESSMENT("风险评估"),
	/** 合法性审查, Arts. 25–28. */
	LEGALITY_REVIEW("合法性审查"),
	/** 集体讨论决定, Arts. 30–31. */
	COLLECTIVE_DISCUSSION("集体讨论决定");

	private final String label;

	MajorDecisionStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The result of a legality review or a collective discussion. */
	public enum Outcome {

		LEGAL("合法", LEGALITY_REVIEW), UNLAWFUL("不合法", LEGALITY_REVIEW), PASSED("通过", COLLECTIVE_DISCUSSION),
		PASSED_IN_PRINCIPLE("原则通过", COLLECTIVE_DISCUSSION), REJECTED("不通过", COLLECTIVE_DISCUSSION),
		DEFERRED("暂缓", COLLECTIVE_DISCUSSION);

		private final String label;

		private final MajorDecisionStage stage;

		Outcome(String label, MajorDecisionStage stage) {
			this.label = label;
			this.stage = stage;
		}

		public String label() {
			return label;
		}

		public MajorDecisionStage stage() {
			return stage;
		}
	}

	/** The form of the meeting that discussed and decided (Art. 30: 常务会议或者全体会议). */
	public enum MeetingForm {

		EXECUTIVE("常务会议"), PLENARY("全体会议"), OTHER("其他会议");

		private final String label;

		MeetingForm(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
