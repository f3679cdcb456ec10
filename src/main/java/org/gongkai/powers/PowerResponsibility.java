package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;

/**
 * One responsibility item (责任事项) of a power, by stage: 立案, 调查取证, 审理, 告知, 决定, 送达, 执行… Stored and written to
 * spreadsheets as one line per stage, {@code 阶段：内容}.
 */
public record PowerResponsibility(String stage, String text) {

	/** Reads lines of {@code 阶段：内容}; a line without a colon is a responsibility without a stage. */
	static List<PowerResponsibility> parse(String lines) {
		List<PowerResponsibility> out = new ArrayList<>();
		if (lines == null) {
			return out;
		}
		for (String line : lines.split("\\R")) {
			String l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			int colon = firstColon(l);
			if (colon > 0 && colon < 20) {
				out.add(new PowerResponsibility(l.substring(0, colon).strip(), l.substring(colon + 1).strip()));
			}
			else {
				out.add(new PowerResponsibility(null, l));
			}
		}
		return out;
	}

	private static int firstColon(String l) {
		int a = l.indexOf('：');
		int b = l.indexOf(':');
		return a < 0 ? b : b < 0 ? a : Math.min(a, b);
	}

	/** The stored form: one line per item. */
	static String format(List<PowerResponsibility> items) {
		if (items == null || items.isEmpty()) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		for (PowerResponsibility r : items) {
			String stage = r.stage() == null ? null : r.stage().strip();
			String text = r.text() == null ? "" : r.text().strip();
			if ((stage == null || stage.isEmpty()) && text.isEmpty()) {
				continue;
			}
			lines.add(stage == null || stage.isEmpty() ? text : stage + "：" + text);
		}
		return lines.isEmpty() ? null : String.join("\n", lines);
	}
}
