package org.gongkai.interaction;

import org.gongkai.calendar.CalendarYearLoaded;
import org.gongkai.platform.Actors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Recounts provisional reply dates when the holiday notice of their year is loaded. */
@Component
class InteractionEvents {

	private final InteractionManagement management;

	InteractionEvents(InteractionManagement management) {
		this.management = management;
	}

	@ApplicationModuleListener
	void on(CalendarYearLoaded event) {
		Actors.runAsSystem(management::recountProvisional);
	}
}
