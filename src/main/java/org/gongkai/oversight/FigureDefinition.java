package org.gongkai.oversight;

/**
 * What one figure of the automatic inspection measures, declared by the {@link OversightFigureSource} that computes
 * it; indicators and assessment items refer to figures by {@code key}.
 *
 * @param key stable key such as {@code columns.empty}
 * @param label short Chinese label, e.g. 空白栏目
 * @param unit Chinese unit, e.g. 个, 条, 天
 * @param description how it is counted, in Chinese, citing the rule it follows
 * @param order position in lists
 */
public record FigureDefinition(String key, String label, String unit, String description, int order) {
}
