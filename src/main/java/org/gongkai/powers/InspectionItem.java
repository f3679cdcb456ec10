package org.gongkai.powers;

import java.time.Instant;

/**
 * One entry of an agency's random-inspection item list (随机抽查事项清单), public from the moment it is entered as part
 * of 事前公开.
 *
 * @param objectType what is inspected (检查对象类型), e.g. 从事价格经营活动的企业
 * @param method 现场检查, 书面检查, 网络监测 …
 * @param frequency the frequency or ratio guidance (抽查比例和频次)
 * @param department the department carrying it out (实施部门/内设机构)
 */
public record InspectionItem(long id, long agencyId, String name, String objectType, String basis, String method,
		String frequency, String department, boolean active, String createdBy, Instant createdAt) {

	/** The methods offered in the forms; others may be typed. */
	static final java.util.List<String> METHODS = java.util.List.of("现场检查", "书面检查", "网络监测", "抽样检测", "委托第三方");
}
