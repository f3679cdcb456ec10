package org.gongkai.platform;

import java.util.List;

/** A module that has something to show on an actor's dashboard registers a bean of this type. */
public interface DashboardContributor {

	List<DashboardCard> cardsFor(Actor actor);
}
