package org.gongkai.catalog;

import java.util.List;

/**
 * The ten fields of a 标准目录 entry (domain-rules.md §5.3): 序号, 一级事项, 二级事项, 公开内容（要素）, 公开依据,
 * 公开时限 (kept on the node as text and rule), 公开主体, 公开渠道和载体, 公开对象, 公开方式, and 公开层级.
 */
public record StandardEntry(int serial, String itemLevel1, String itemLevel2, String content, List<String> basis,
		String subject, List<String> channels, String audience, String method, List<String> levels) {

	public StandardEntry {
		basis = basis == null ? List.of() : List.copyOf(basis);
		channels = channels == null ? List.of() : List.copyOf(channels);
		levels = levels == null ? List.of() : List.copyOf(levels);
	}

	/** 公开方式 in Chinese. */
	public String methodLabel() {
		return "ON_REQUEST".equals(method) ? "依申请公开" : "主动公开";
	}
}
