package org.gongkai.platform;

import java.util.List;

/** A module that owns console pages registers a bean of this type to appear in the navigation. */
public interface ConsoleMenuContributor {

	List<ConsoleMenuItem> menuItems();
}
