package org.gongkai.participation;

/** When the public sees a poll's results. */
public enum PollResultsVisibility {

	/** After the poll has ended (the default). */
	AFTER_CLOSE("调查结束后公开"),
	/** Live while the poll is open, and after it has ended. */
	LIVE("调查期间实时公开"),
	/** Never; the reason is shown instead. */
	WITHHELD("不公开");

	private final String label;

	PollResultsVisibility(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
