package org.gongkai.oversight;

/** A bulletin written as a file to download. */
public record BulletinFile(String fileName, String contentType, byte[] content) {

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	public static final String PDF = "application/pdf";

	/** The file name of a bulletin: its title, without characters a file system refuses. */
	static String name(Bulletin b, String extension) {
		return b.title().replaceAll("[\\\\/:*?\"<>|\\s]", "") + "." + extension;
	}

	/** The issuing line: 文号 and the day issued, or a draft marker. */
	static String issueLine(Bulletin b) {
		if (b.issuedOn() == null) {
			return "（草稿，尚未印发）";
		}
		return (b.documentNumber() == null ? "" : b.documentNumber() + "　") + b.issuedOn().getYear() + "年"
				+ b.issuedOn().getMonthValue() + "月" + b.issuedOn().getDayOfMonth() + "日";
	}
}
