package org.gongkai.inforequest;

import org.gongkai.calendar.CalendarYearLoaded;
import org.gongkai.platform.Actors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When a year's holiday notice is loaded, due dates counted into it provisionally are counted again. */
@Component
class InfoRequestEvents {

	private final InfoRequestManagement management;

	InfoRequestEvents(InfoRequestManagement management) {
		this.management = management;
	}

	@ApplicationModuleListener
	public void on(CalendarYearLoaded event) {
		Actors.runAsSystem(management::recountProvisional);
	}
}
