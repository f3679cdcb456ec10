package org.gongkai.report;

import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The console entry of the annual report, for the staff who draft, review, approve or publish an agency's report and
 * for the supervisors who follow their subordinate agencies' reports.
 */
@Component
class ReportConsoleMenu implements ConsoleMenuContributor {

	/** Every role that sees an agency's reports in the console. */
	static final Role[] REPORT_STAFF = { Role.EDITOR, Role.REVIEWER, Role.APPROVER, Role.AGENCY_ADMIN, Role.SUPERVISOR };

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(45, "年度报告", "/console/reports",
				a -> !a.token() && (a.isSystemAdmin() || a.grants().stream()
					.anyMatch(g -> List.of(REPORT_STAFF).contains(g.role())))));
	}
}
