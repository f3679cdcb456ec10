package org.gongkai.interaction;

/** How a message arrived. */
public enum MessageChannel {

	WEB("网站留言"), API("接口接入");

	private final String label;

	MessageChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
