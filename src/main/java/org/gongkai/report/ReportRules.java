package org.gongkai.report;

import java.time.LocalDate;
import java.time.MonthDay;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;

/**
 * When an agency's annual report for a year is due, 《政府信息公开条例》第四十九条 (domain-rules.md §1.7):
 * <ul>
 * <li>「县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布」:
 * departments (and other bodies) of governments at county level or above publish by 31 January;</li>
 * <li>「县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告」:
 * a people's government at county level or above, by 31 March;</li>
 * <li>townships (乡镇、街道) and villages: the Regulation sets no date. The supervising 政务公开办 sets one (property
 * {@code gongkai.report.township-deadline}, MM-DD, default 02-20 after the Huaihua practice of filing by 20 February
 * so the county can compile them into its own report due 31 March); the deadline is then not statutory.</li>
 * </ul>
 */
public final class ReportRules {

	/** The default deadline for townships and villages when the supervisor set none (Huaihua 2022: 20 February). */
	public static final MonthDay DEFAULT_TOWNSHIP_DEADLINE = MonthDay.of(2, 20);

	static final String DEPARTMENT_BASIS = "条例第四十九条：县级以上人民政府部门于每年1月31日前公布上一年度报告";

	static final String GOVERNMENT_BASIS = "条例第四十九条：县级以上地方人民政府于每年3月31日前公布本级政府上一年度报告";

	private ReportRules() {
	}

	/**
	 * The deadline of the report for {@code reportYear} (published in the following year).
	 *
	 * @param townshipDeadline the supervisor's date for townships and villages; null for the default 02-20
	 */
	public static ReportDeadline deadline(Agency agency, int reportYear, MonthDay townshipDeadline) {
		int due = reportYear + 1;
		if (agency.level() == AgencyLevel.TOWNSHIP || agency.level() == AgencyLevel.VILLAGE) {
			MonthDay d = townshipDeadline == null ? DEFAULT_TOWNSHIP_DEADLINE : townshipDeadline;
			return new ReportDeadline(d.atYear(due), false,
					"条例未规定乡镇（街道）、村（社区）的公布期限：按政务公开主管部门要求于" + d.getMonthValue() + "月"
							+ d.getDayOfMonth() + "日前报送并公布");
		}
		if (agency.type() == AgencyType.PEOPLES_GOVERNMENT) {
			return new ReportDeadline(LocalDate.of(due, 3, 31), true, GOVERNMENT_BASIS);
		}
		return new ReportDeadline(LocalDate.of(due, 1, 31), true, DEPARTMENT_BASIS);
	}

	/** Parses the property value {@code MM-DD}; null or blank gives the default. */
	public static MonthDay townshipDeadline(String mmdd) {
		if (mmdd == null || mmdd.isBlank()) {
			return DEFAULT_TOWNSHIP_DEADLINE;
		}
		return MonthDay.parse("--" + mmdd.trim());
	}
}
