package org.gongkai.interpretation;

/** Files of an interpretation: the images of a 图解, uploaded audio or video, and WebVTT captions. */
public enum MediaKind {
	IMAGE("图片"), VIDEO("视频"), AUDIO("音频"), CAPTIONS("字幕");

	private final String label;

	MediaKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
