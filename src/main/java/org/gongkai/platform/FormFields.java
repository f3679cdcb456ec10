package org.gongkai.platform;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Reading the text of console form fields into values, with the Chinese message of {@link InvalidInputException}
 * naming the field when the text cannot be read. A blank field is {@code null}; whether it is required is the
 * service's rule.
 */
public final class FormFields {

	private FormFields() {
	}

	/** A date written 年-月-日. */
	public static LocalDate date(String text, String field) {
		return date(text, field, "日期");
	}

	/** A date written 年-月-日; the message names the field by {@code label}. */
	public static LocalDate date(String text, String field, String label) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			return null;
		}
		try {
			return LocalDate.parse(t);
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, label + "格式不正确，请按“年-月-日”填写，如 2026-01-05");
		}
	}

	/** A month written 年-月. */
	public static YearMonth month(String text, String field) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			return null;
		}
		try {
			return YearMonth.parse(t);
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "月份格式不正确，请按“年-月”填写，如 2026-05");
		}
	}

	/** A whole number. */
	public static Integer integer(String text, String field) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			return null;
		}
		try {
			return Integer.parseInt(t);
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写整数");
		}
	}

	/**
	 * One constant of {@code type} by its name, as a select sends it; blank is {@code null}, or refused with
	 * {@code missing} when that is given.
	 */
	public static <E extends Enum<E>> E choice(Class<E> type, String text, String field, String missing) {
		String t = Texts.trimToNull(text);
		if (t == null) {
			if (missing != null) {
				throw InvalidInputException.of(field, missing);
			}
			return null;
		}
		try {
			return Enum.valueOf(type, t);
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "请从列表中选择");
		}
	}
}
