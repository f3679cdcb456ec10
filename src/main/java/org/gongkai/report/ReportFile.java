package org.gongkai.report;

/** A rendered report: what a download sends. */
public record ReportFile(String fileName, String contentType, byte[] content) {

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	public static final String PDF = "application/pdf";

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * The Content-Disposition of a download (RFC 6266): {@code asciiName} for old clients, the Chinese file name as
	 * RFC 5987 {@code filename*}.
	 */
	public String contentDisposition(String asciiName) {
		return org.gongkai.platform.Downloads.attachment(asciiName, fileName);
	}
}
