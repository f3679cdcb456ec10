package org.gongkai.oversight;

/**
 * How a training session is held, as real county plans name them (oversight-rules §4.1: 临沂市发改委 2020 会议培训、集体学习、
 * 组织自学; 青岛市 2022 视频会议 and 跟班轮训 for newly appointed staff).
 */
public enum TrainingMethod {

	MEETING("会议培训"), GROUP_STUDY("集体学习"), SELF_STUDY("组织自学"), VIDEO("视频会议"), ROTATION("跟班轮训");

	private final String label;

	TrainingMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String code() {
		return name();
	}
}
