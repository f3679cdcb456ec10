package org.gongkai.powers;

import org.gongkai.calendar.CalendarYearLoaded;
import org.gongkai.platform.Actors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When a year's holiday notice is loaded, publication limits counted into it provisionally are counted again. */
@Component
class EnforcementEvents {

	private final EnforcementManagement management;

	EnforcementEvents(EnforcementManagement management) {
		this.management = management;
	}

	@ApplicationModuleListener
	void on(CalendarYearLoaded event) {
		Actors.runAsSystem(management::recountProvisional);
	}
}
