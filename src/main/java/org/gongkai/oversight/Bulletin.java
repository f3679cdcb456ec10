package org.gongkai.oversight;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A circular (通报) of the supervisor in the three parts of the 洪雅县 督查通报 (oversight-rules §3.3): 一、总体情况,
 * 二、存在问题, 三、下一步工作要求. Each part is plain text, one paragraph a line.
 *
 * @param inspectionId the inspection round it reports on (null for a period)
 * @param publicBulletin whether it is shown on the portal once issued
 */
public record Bulletin(long id, long agencyId, Long inspectionId, String title, String documentNumber,
		LocalDate periodFrom, LocalDate periodTo, String overall, String problems, String requirements,
		boolean publicBulletin, BulletinStatus status, LocalDate issuedOn, String issuedBy, String createdBy, int version) {

	/** The three parts in order, with their headings. */
	public List<Section> sections() {
		return List.of(new Section("一、总体情况", paragraphs(overall)), new Section("二、存在问题", paragraphs(problems)),
				new Section("三、下一步工作要求", paragraphs(requirements)));
	}

	/** Shown on the portal: issued and marked public. */
	public boolean onPortal() {
		return status == BulletinStatus.ISSUED && publicBulletin;
	}

	static List<String> paragraphs(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** One part of the bulletin. */
	public record Section(String heading, List<String> paragraphs) {
	}
}
