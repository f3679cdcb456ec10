package org.gongkai.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How periods are counted. By default the trigger day is not counted (《民法典》 Art. 201:
 * 「开始的当日不计入，自下一日开始计算」; domain-rules.md §7.4). A province whose rule counts the day
 * of receipt sets {@code count-start-day=true}.
 */
@ConfigurationProperties("gongkai.calendar")
public record CalendarProperties(boolean countStartDay) {
}
