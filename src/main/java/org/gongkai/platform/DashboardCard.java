package org.gongkai.platform;

/**
 * One card on the console dashboard, contributed by the module that owns the figure.
 *
 * @param tone {@code info}, {@code ok} or {@code warn}
 * @param href where the card leads (may be null)
 */
public record DashboardCard(int order, String title, String value, String detail, String href, String tone) {
}
