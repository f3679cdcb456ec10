package org.gongkai.oversight;

/**
 * The two reviews of seed 001 item 4: 「每年初组织对本单位制作或获取并保存的“五公开”信息进行源头梳理，每年11月份组织对未主动
 * 公开较为集中的“五公开”信息进行全面自查，发现应公开未公开的信息应当公开，可转为主动公开的应当主动公开，自查整改情况及时报送
 * 县政务公开办」.
 */
public enum SourceReviewKind {

	JANUARY("年初信息源头梳理"), NOVEMBER("11月未公开信息自查");

	private final String label;

	SourceReviewKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
