package org.gongkai.platform;

import java.util.function.Predicate;

/**
 * One entry of the console navigation, contributed by the module that owns the page.
 *
 * @param order position in the menu (lower first)
 * @param visibleTo which actors see the entry
 */
public record ConsoleMenuItem(int order, String label, String href, Predicate<Actor> visibleTo) {
}
