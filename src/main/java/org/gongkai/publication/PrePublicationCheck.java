package org.gongkai.publication;

import org.gongkai.platform.PersonalDataScanner;
import java.util.List;

/**
 * What stands between an item and the public: personal data found (blocks until masked or explicitly
 * confirmed) and sensitive words (a BLOCK word blocks, a WARN word only warns).
 */
public record PrePublicationCheck(List<PersonalDataScanner.Finding> personalData, boolean personalDataConfirmed,
		List<SensitiveWords.Hit> sensitiveWords) {

	public boolean blocksPublishing() {
		return (!personalData.isEmpty() && !personalDataConfirmed)
				|| sensitiveWords.stream().anyMatch(h -> h.level() == SensitiveWords.Level.BLOCK);
	}

	/** Why publishing is blocked, in Chinese. */
	public String reason() {
		StringBuilder sb = new StringBuilder();
		if (!personalData.isEmpty() && !personalDataConfirmed) {
			sb.append("发现").append(personalData.size()).append("处个人信息（")
				.append(personalData.stream().map(f -> f.kind().label() + " " + f.masked() + "（" + f.where() + "）")
					.distinct().limit(5).reduce((a, b) -> a + "；" + b).orElse(""))
				.append("），请先脱敏或由审批负责人确认后再发布");
		}
		List<String> blocked = sensitiveWords.stream().filter(h -> h.level() == SensitiveWords.Level.BLOCK)
			.map(h -> "“" + h.word() + "”（" + h.where() + "）").distinct().toList();
		if (!blocked.isEmpty()) {
			if (!sb.isEmpty()) {
				sb.append("；");
			}
			sb.append("含有禁止发布的敏感词").append(String.join("、", blocked));
		}
		return sb.toString();
	}
}
