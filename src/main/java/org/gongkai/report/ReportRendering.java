package org.gongkai.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as every format prints it, in the order of the national format (domain-rules.md §2.1): the title, the
 * version line of a correction, then the six sections — 一, 五 and 六 as paragraphs (六 with its titled parts), 二 to
 * 四 as their {@link ReportTableGrid grids}. A pure function of the {@link ReportView}.
 */
public final class ReportRendering {

	/** One section as printed. */
	public record Piece(ReportLayout.Section section, String heading, List<String> paragraphs, List<Part> parts,
			List<ReportTableGrid> grids) {

		public boolean hasTables() {
			return !grids.isEmpty();
		}
	}

	/** A titled part of a text section. */
	public record Part(String title, List<String> paragraphs) {
	}

	/** What an empty text section prints. */
	public static final String NONE = "（无）";

	private ReportRendering() {
	}

	/** The six sections in order; table ids start with {@code idPrefix}. */
	public static List<Piece> pieces(ReportView view, String idPrefix) {
		List<Piece> pieces = new ArrayList<>();
		for (ReportLayout.Section s : ReportLayout.Section.values()) {
			String table = switch (s) {
				case TWO -> "t2";
				case THREE -> "t3";
				case FOUR -> "t4";
				default -> null;
			};
			if (table != null) {
				pieces.add(new Piece(s, s.heading(), List.of(), List.of(), ReportTableGrid.of(view, table, idPrefix)));
				continue;
			}
			ReportView.SectionText text = view.sections() == null ? null
					: view.sections().stream().filter(t -> t.section() == s).findFirst().orElse(null);
			List<Part> parts = new ArrayList<>();
			if (text != null && text.parts() != null) {
				for (ReportView.Part p : text.parts()) {
					parts.add(new Part(p.title(), paragraphs(p.text())));
				}
			}
			pieces.add(new Piece(s, s.heading(), text == null ? List.of() : paragraphs(text.text()), parts, List.of()));
		}
		return pieces;
	}

	/** The line under the title: 「第2版（更正）」 for a correction, nothing for a first version. */
	public static String versionLine(ReportView view) {
		if (view.version() <= 1) {
			return null;
		}
		return "第" + view.version() + "版（更正）";
	}

	/** What was corrected, as printed under the version line: 「更正说明：…」. */
	public static String correctionLine(ReportView view) {
		String note = view.correctionNote();
		return view.version() > 1 && note != null && !note.isBlank() ? "更正说明：" + note.strip() : null;
	}

	/** The publication date as printed: 2026年3月20日. */
	public static String dateLine(ReportView view) {
		return view.publishedOn() == null ? null
				: view.publishedOn().getYear() + "年" + view.publishedOn().getMonthValue() + "月"
						+ view.publishedOn().getDayOfMonth() + "日";
	}

	/** A text cut into paragraphs at line breaks, blank lines dropped. */
	public static List<String> paragraphs(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** A file name for a download: 「沂源县发展和改革局2025年政府信息公开工作年度报告（第2版）.docx」. */
	public static String fileName(ReportView view, String extension) {
		return view.title() + (view.version() > 1 ? "（第" + view.version() + "版）" : "") + "." + extension;
	}
}
