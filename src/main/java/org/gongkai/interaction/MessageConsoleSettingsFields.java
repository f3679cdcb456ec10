package org.gongkai.interaction;

import java.util.List;
import java.util.Map;

/**
 * The fields of the console's periods form, in the order of {@link InteractionSettings}'s components after the
 * agency, with their Chinese labels and hints.
 */
final class MessageConsoleSettingsFields {

	/** One field of the form. */
	public record Field(String name, String label, String hint) {
	}

	static final List<Field> FIELDS = List.of(new Field("consultationDays", "咨询答复期限", "受理后的工作日数，1至60"),
			new Field("suggestionDays", "建议答复期限", "受理后的工作日数，1至60"),
			new Field("complaintDays", "投诉答复期限", "受理后的工作日数，1至60"),
			new Field("helpDays", "求助答复期限", "受理后的工作日数，1至60"),
			new Field("reviewDays", "审看期限", "提交后的工作日数，1至10"),
			new Field("maxExtensionDays", "最长延期", "工作日数，0至30；0为不允许延期"),
			new Field("reopenWindowDays", "追问期限", "答复后的自然日数，1至90"));

	static final List<String> NAMES = FIELDS.stream().map(Field::name).toList();

	static final Map<String, String> LABELS = Map.copyOf(
			FIELDS.stream().collect(java.util.stream.Collectors.toMap(Field::name, Field::label)));

	private MessageConsoleSettingsFields() {
	}

	/** The current values of the form, by field name. */
	static Map<String, Integer> values(InteractionSettings s) {
		return Map.of("consultationDays", s.consultationDays(), "suggestionDays", s.suggestionDays(), "complaintDays",
				s.complaintDays(), "helpDays", s.helpDays(), "reviewDays", s.reviewDays(), "maxExtensionDays",
				s.maxExtensionDays(), "reopenWindowDays", s.reopenWindowDays());
	}
}
