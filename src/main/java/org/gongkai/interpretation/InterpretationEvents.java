package org.gongkai.interpretation;

import org.gongkai.calendar.CalendarYearLoaded;
import org.gongkai.platform.Actors;
import org.gongkai.publication.PublicDocumentChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the policies: when one is published, withdrawn or re-marked, the interpretations waiting for it are
 * published with it, published ones follow it off or onto the portal, and its timeliness duty is recomputed.
 * Runs after the policy's change commits, through the event publication registry (retried on failure).
 */
@Component
class InterpretationEvents {

	private final InterpretationManagement management;

	private final TimelinessLedger ledger;

	InterpretationEvents(InterpretationManagement management, TimelinessLedger ledger) {
		this.management = management;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	public void on(PublicDocumentChanged event) {
		Actors.runAsSystem(() -> management.policyChanged(event.documentId()).forEach(ledger::refresh));
	}

	/** A holiday notice was loaded: provisional due dates are counted again. */
	@ApplicationModuleListener
	public void on(CalendarYearLoaded event) {
		Actors.runAsSystem(() -> {
			management.recountProvisional();
			ledger.refreshProvisional();
		});
	}
}
