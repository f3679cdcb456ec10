package org.gongkai.calendar;

/** What an arranged day is: a day off, or a weekend day that is worked (调休上班). */
public enum DayKind {
	HOLIDAY, MAKEUP_WORKDAY
}
