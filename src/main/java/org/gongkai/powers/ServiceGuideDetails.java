package org.gongkai.powers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a service guide (办事指南): the ten key elements of the inspection indicators (事项名称, 设定依据,
 * 申请条件, 办理材料, 办理地点, 办理机构, 收费标准, 办理时间, 联系电话, 办理流程) and three optional ones (办理时限, 咨询方式,
 * 监督投诉).
 */
public record ServiceGuideDetails(String itemName, String basis, String conditions, String materials, String place,
		String handlingBody, String fees, String officeHours, String phone, String process, String timeLimit,
		String consultation, String complaints) {

	/** The ten key elements: field name → Chinese name, in the order of the indicators. */
	public static final Map<String, String> KEY_ELEMENTS = keyElements();

	/** The optional elements: field name → Chinese name. */
	public static final Map<String, String> OPTIONAL_ELEMENTS = optionalElements();

	private static Map<String, String> optionalElements() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("timeLimit", "办理时限");
		m.put("consultation", "咨询方式");
		m.put("complaints", "监督投诉");
		return java.util.Collections.unmodifiableMap(m);
	}

	private static Map<String, String> keyElements() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("itemName", "事项名称");
		m.put("basis", "设定依据");
		m.put("conditions", "申请条件");
		m.put("materials", "办理材料");
		m.put("place", "办理地点");
		m.put("handlingBody", "办理机构");
		m.put("fees", "收费标准");
		m.put("officeHours", "办理时间");
		m.put("phone", "联系电话");
		m.put("process", "办理流程");
		return java.util.Collections.unmodifiableMap(m);
	}

	/** The value of an element by its field name. */
	public String element(String field) {
		return switch (field) {
			case "itemName" -> itemName;
			case "basis" -> basis;
			case "conditions" -> conditions;
			case "materials" -> materials;
			case "place" -> place;
			case "handlingBody" -> handlingBody;
			case "fees" -> fees;
			case "officeHours" -> officeHours;
			case "phone" -> phone;
			case "process" -> process;
			case "timeLimit" -> timeLimit;
			case "consultation" -> consultation;
			case "complaints" -> complaints;
			default -> throw new IllegalArgumentException(field);
		};
	}

	/** The Chinese names of the key elements that are empty, in the indicators' order. */
	public List<String> missing() {
		List<String> out = new ArrayList<>();
		KEY_ELEMENTS.forEach((field, label) -> {
			String v = element(field);
			if (v == null || v.isBlank()) {
				out.add(label);
			}
		});
		return out;
	}

	public boolean complete() {
		return missing().isEmpty();
	}
}
