package org.gongkai.platform;

/**
 * One entry of an agency's column navigation on the portal, linked as {@code /agencies/{agency}/{code}/}.
 * The catalogue's level-one entries come first; modules add their own columns (政策解读, 回应关切) after them.
 */
public record AgencyColumn(String code, String title, String description) {
}
