package org.gongkai.oversight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who a planned session is for, in the tiers real plans list (oversight-rules §4.1: 临沂市卫健委 2021 分管负责人、办公室主任、
 * 工作人员、各科室负责人; 青岛市 2022 city departments, districts and 镇街).
 */
public enum TrainingAudience {

	LEADERS("分管负责人"), OFFICE_HEADS("办公室主任"), STAFF("信息员/工作人员"), SECTION_HEADS("各科室负责人"), UNITS("乡镇/部门");

	private final String label;

	TrainingAudience(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String code() {
		return name();
	}

	/** The stored form: codes joined by commas. */
	static String join(List<TrainingAudience> audiences) {
		return String.join(",", audiences.stream().map(Enum::name).toList());
	}

	static List<TrainingAudience> parse(String stored) {
		List<TrainingAudience> all = new ArrayList<>();
		if (stored != null) {
			Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> all.add(valueOf(s)));
		}
		return all;
	}

	static String labels(List<TrainingAudience> audiences) {
		return String.join("、", audiences.stream().map(TrainingAudience::label).toList());
	}
}
