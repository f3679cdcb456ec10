package org.gongkai.powers;

import java.util.Objects;

import org.gongkai.organisation.AgencyLevel;

/**
 * The fields of a power-list item (权责清单事项): what a staff member enters, what a spreadsheet row holds and what a
 * version keeps as its snapshot.
 *
 * @param code the unified item code (事项编码), the same at every level (三级四同)
 * @param typeCode the code of a {@link PowerType}
 * @param basis the legal basis (设定依据)
 * @param level the level of the item; null on input means the agency's level
 * @param implementingBody 实施主体
 * @param handlingUnit 承办机构
 * @param responsibilities 责任事项, one line per stage ({@code 阶段：内容})
 * @param accountability 追责情形
 * @param supervisionPhone 监督电话
 */
public record PowerDetails(String code, String name, String typeCode, String basis, AgencyLevel level,
		String implementingBody, String handlingUnit, String responsibilities, String accountability,
		String supervisionPhone) {

	/** Whether the two hold the same content (what an adjustment would change). */
	boolean sameAs(PowerDetails o) {
		return Objects.equals(code, o.code) && Objects.equals(name, o.name) && Objects.equals(typeCode, o.typeCode)
				&& Objects.equals(basis, o.basis) && level == o.level && Objects.equals(implementingBody, o.implementingBody)
				&& Objects.equals(handlingUnit, o.handlingUnit) && Objects.equals(responsibilities, o.responsibilities)
				&& Objects.equals(accountability, o.accountability) && Objects.equals(supervisionPhone, o.supervisionPhone);
	}
}
