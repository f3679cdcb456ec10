package org.gongkai.report;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates the expression object {@code #reportTables}, so that the shared fragments in
 * {@code templates/report/tables.html} take nothing but a {@link ReportView} — on public pages rendered by the
 * platform's PageRenderer and on console views alike (Spring Boot adds every dialect bean to the one template engine).
 */
@Component
class ReportRenderDialect extends AbstractDialect implements IExpressionObjectDialect {

	static final String NAME = "reportTables";

	private static final Tables TABLES = new Tables();

	ReportRenderDialect() {
		super("report");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? TABLES : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}

	/** What {@code #reportTables} offers. */
	public static final class Tables {

		/** The grids of one table ("t2", "t3", "t4"). */
		public List<ReportTableGrid> of(ReportView view, String table) {
			return ReportTableGrid.of(view, table, prefix(view));
		}

		/** The six sections in order. */
		public List<ReportRendering.Piece> pieces(ReportView view) {
			return ReportRendering.pieces(view, prefix(view));
		}

		public String versionLine(ReportView view) {
			return ReportRendering.versionLine(view);
		}

		public String correctionLine(ReportView view) {
			return ReportRendering.correctionLine(view);
		}

		public String dateLine(ReportView view) {
			return ReportRendering.dateLine(view);
		}

		private static String prefix(ReportView view) {
			return "rp" + view.reportId() + "v" + view.version() + "-";
		}
	}
}
