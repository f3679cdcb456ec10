package org.gongkai.report;

/** A rendered report: what a download sends. */
public record ReportFile(String fileName, String contentType, byte[] content) {

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	public static final String PDF = "application/pdf";

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
