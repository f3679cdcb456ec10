package org.gongkai.interpretation;

/** The forms an interpretation takes (seed 001 item 12, seed 003 (三): 图解, 音视频, 简明问答, 专家和媒体解读, 发布会). */
public enum InterpretationForm {

	TEXT("文字解读"), GRAPHIC("图解"), VIDEO("音视频解读"), QA("简明问答"), EXPERT("专家解读"), MEDIA("媒体解读"),
	BRIEFING("新闻发布会、吹风会"), INTERVIEW("在线访谈");

	private final String label;

	InterpretationForm(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A record of an event (发布会, 吹风会, 在线访谈): date, place and participants are required. */
	public boolean isEvent() {
		return this == BRIEFING || this == INTERVIEW;
	}
}
