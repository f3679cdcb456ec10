package org.gongkai.interaction;

/** Why a message is not accepted (审看不通过); the sender sees the label and the reviewer's note. */
public enum RejectionReason {

	SPAM("垃圾信息或无实质内容"), ABUSE("含有辱骂、攻击等违法或不文明内容"), DUPLICATE("重复留言"),
	PETITION("属于信访事项，请通过信访渠道反映"), LITIGATION("属于诉讼、仲裁、行政复议等法定程序事项"), OTHER("其他原因");

	private final String label;

	RejectionReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
