package org.gongkai.calendar;

import org.gongkai.platform.DomainException;

/** A day count reached into a year whose official holiday notice has not been loaded (HTTP 422). */
public class YearNotLoadedException extends DomainException {

	private final int year;

	public YearNotLoadedException(int year) {
		super(422, year + "年的法定节假日安排尚未录入，无法准确计算工作日。请系统管理员在“工作日历”中录入国务院办公厅的放假通知后再试。");
		this.year = year;
	}

	public int year() {
		return year;
	}
}
