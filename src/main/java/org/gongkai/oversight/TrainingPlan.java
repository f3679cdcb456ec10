package org.gongkai.oversight;

import java.time.Instant;
import java.util.List;

/**
 * An agency's training plan of a year (政务公开培训计划): the number of sessions planned (at least the configured
 * minimum, seed 001 item 16 and seed 000 「本年度计划安排2次学习培训」), what the plan says, and its planned sessions.
 */
public record TrainingPlan(long id, long agencyId, int year, String title, int plannedSessions, String content, String createdBy,
		Instant createdAt, Instant updatedAt, List<Item> items) {

	public TrainingPlan {
		items = items == null ? List.of() : List.copyOf(items);
	}

	TrainingPlan withItems(List<Item> all) {
		return new TrainingPlan(id, agencyId, year, title, plannedSessions, content, createdBy, createdAt, updatedAt, all);
	}

	/**
	 * A planned session: the month it is planned for, its topic, audience tiers, method and who must attend.
	 *
	 * @param requiredAttendees who must attend, as the plan writes it (e.g. 局机关全体干部职工)
	 */
	public record Item(long id, long planId, int month, String topic, List<TrainingAudience> audiences, TrainingMethod method,
			String requiredAttendees, int sortOrder) {

		public Item {
			audiences = List.copyOf(audiences);
		}

		public String audiencesLabel() {
			return TrainingAudience.labels(audiences);
		}
	}
}
