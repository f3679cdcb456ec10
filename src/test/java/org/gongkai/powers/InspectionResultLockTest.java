package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Role;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Recording a result locks the plan first and only then reads the draw, so that a redraw committed meanwhile (which
 * supersedes the draw under the same lock) is seen and the result is not written to a buried draw.
 */
class InspectionResultLockTest {

	@Test
	void theDrawIsReadUnderThePlansLock() {
		Inspections store = mock(Inspections.class);
		AgencyAccess access = mock(AgencyAccess.class);
		Instant now = Instant.parse("2026-05-01T02:00:00Z");
		InspectionPlan plan = new InspectionPlan(7, 1, "计划", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), null, 1, 2, "福彩",
				InspectionPlanStatus.DRAWN, now, null, 2, "editor", now, now);
		InspectionDraw before = new InspectionDraw(3, 7, 1, 1, now, "1", "00", "seed", RandomDraw.ALGORITHM, 1, 2, false, null, "editor");
		InspectionDraw superseded = new InspectionDraw(3, 7, 1, 1, now, "1", "00", "seed", RandomDraw.ALGORITHM, 1, 2, true, null,
				"editor");
		when(store.drawPlanId(3)).thenReturn(Optional.of(7L));
		// the redraw committed while this request waited for the lock: read before locking the draw is still current
		AtomicBoolean locked = new AtomicBoolean();
		when(store.draw(3)).thenAnswer(i -> Optional.of(locked.get() ? superseded : before));
		when(store.lockPlan(7)).thenAnswer(i -> {
			locked.set(true);
			return Optional.of(plan);
		});
		when(access.require(anyLong(), any(Role[].class))).thenReturn(Actor.system());
		InspectionManagement management = new InspectionManagement(store, mock(AgencyDirectory.class), access,
				mock(ApplicationEventPublisher.class), Clock.fixed(now.plusSeconds(3600), ZoneOffset.UTC));

		assertThatThrownBy(() -> management.recordResult(3, 1, InspectionOutcome.NO_PROBLEM, null, LocalDate.of(2026, 5, 1)))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("已被重新抽取取代");
		InOrder order = inOrder(store);
		order.verify(store).lockPlan(7);
		order.verify(store).draw(3);
		verify(store, never()).recordResult(anyLong(), org.mockito.ArgumentMatchers.anyInt(), any(), any(), any(), any(), any());
	}
}
