package org.gongkai.powers;

/**
 * A type of administrative power (职权类型), kept as data: the ten types of the 2015 framework are seeded, and a
 * supervisor may add, rename or deactivate types (provinces use variants such as 非行政许可审批).
 *
 * @param code stable machine name used by the API, e.g. {@code LICENSING}
 * @param name the Chinese name shown and used in spreadsheets, e.g. 行政许可
 */
public record PowerType(String code, String name, int sortOrder, boolean active) {
}
