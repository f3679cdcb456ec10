package org.gongkai.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionPortalLimitsTest {

	@Test
	void messagesAndLookupsAreCountedPerAddressAndSeparately() {
		InteractionPortalLimits limits = new InteractionPortalLimits(2, 3);
		assertThat(limits.message("10.0.0.1")).isEmpty();
		assertThat(limits.message("10.0.0.1")).isEmpty();
		assertThat(limits.message("10.0.0.1")).as("the third message within the hour waits").isPresent();
		assertThat(limits.message("10.0.0.1").getAsLong()).isBetween(1L, 3600L);
		assertThat(limits.message("10.0.0.2")).as("another address has its own allowance").isEmpty();
		for (int i = 0; i < 3; i++) {
			assertThat(limits.lookup("10.0.0.1")).as("look-ups are counted apart from messages").isEmpty();
		}
		assertThat(limits.lookup("10.0.0.1")).isPresent();
	}

	@Test
	void zeroMeansUnlimitedAndWaitsAreShownInWholeMinutes() {
		InteractionPortalLimits unlimited = new InteractionPortalLimits(0, 0);
		for (int i = 0; i < 100; i++) {
			assertThat(unlimited.message("10.0.0.1")).isEmpty();
		}
		assertThat(InteractionPortalLimits.minutes(1)).isEqualTo(1);
		assertThat(InteractionPortalLimits.minutes(60)).isEqualTo(1);
		assertThat(InteractionPortalLimits.minutes(61)).isEqualTo(2);
	}
}
