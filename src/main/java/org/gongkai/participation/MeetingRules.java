package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;

import org.gongkai.platform.Zones;

/**
 * The publication rules of open meetings (会议公开), in one place:
 * <ul>
 * <li>Seed 000 三(一)3 and seed 001 item 2 (「凡涉及公众利益、重大民生事项的会议议题，制定会议方案时，议题提出部门要确定是否邀请有关人员列席会议、是否公开及
 * 公开方式」): each agenda item is public or not, and open to attendance applications or not; a non-public item's title
 * never reaches the public, which learns only how many items are not public.</li>
 * <li>Seed 003 推进会议公开 (「政府全体会议和常务会议讨论决定的事项，除依法需要保密的外应及时公开」) and seed 002 (厅长办公会集体决策议定的重要事项): the
 * decided items (议定事项) are public once staff publish them with a published meeting.</li>
 * <li>Seed 003 (「积极通过网络、新媒体直播等形式向社会公开」): the live link (https only) shows on the public page of an announced
 * meeting from its announcement until the end of the meeting day, China time.</li>
 * <li>A published meeting announced in advance (预告) is public from publication; one not announced in advance is public
 * only from its start. A withdrawn or draft meeting is never public.</li>
 * <li>Applications to attend are taken while the meeting is public and announced in advance, has seats open and a
 * public agenda item open to applications, and until the application deadline, which lies before the meeting's
 * start, while seats are left. Approvals never exceed the seats.</li>
 * <li>Applicants' name, work unit and phone are kept {@value #CONTACT_RETENTION_DAYS} days after the meeting day, then
 * erased (《个人信息保护法》 Art. 19).</li>
 * </ul>
 */
final class MeetingRules {

	/** Days after the meeting day that applicants' contact details are kept. */
	static final int CONTACT_RETENTION_DAYS = 90;

	private static final Pattern HTTPS = Pattern.compile("https://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

	private MeetingRules() {
	}

	/** Whether the meeting is on the portal now. */
	static boolean isPublic(Meeting m, Instant now) {
		return m.status() == MeetingStatus.PUBLISHED && (m.advanceNotice() || !now.isBefore(m.startsAt()));
	}

	/** Whether the meeting has begun (and so may have decided items). */
	static boolean held(Meeting m, Instant now) {
		return !now.isBefore(m.startsAt());
	}

	/** Whether the meeting is still ahead: public, announced and not yet begun. */
	static boolean upcoming(Meeting m, Instant now) {
		return isPublic(m, now) && !held(m, now);
	}

	/** The first instant after the meeting day, China time. */
	static Instant endOfMeetingDay(Meeting m) {
		return m.meetingDate().plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
	}

	/** Whether the live link shows on the public page now. */
	static boolean liveLinkShown(Meeting m, Instant now) {
		return isPublic(m, now) && m.liveUrl() != null && m.publishedAt() != null && !now.isBefore(m.publishedAt())
				&& now.isBefore(endOfMeetingDay(m));
	}

	/** Whether a live-stream or material address is acceptable: an https address only. */
	static boolean validHttps(String url) {
		return url != null && url.length() <= 500 && HTTPS.matcher(url).matches();
	}

	/** Whether an agenda item's title may appear in public. */
	static boolean itemPublic(MeetingItem item) {
		return item.isPublic();
	}

	/** Whether an agenda item takes attendance applications (only a public one can). */
	static boolean itemOpen(MeetingItem item) {
		return item.isPublic() && item.openToApplications();
	}

	/** Whether the meeting takes applications to attend now. */
	static boolean applicationsOpen(Meeting m, Collection<MeetingItem> items, Instant now) {
		return applicationsOpen(m, items.stream().anyMatch(MeetingRules::itemOpen), now);
	}

	/** Whether the meeting takes applications to attend now, given whether one of its items is open to them. */
	static boolean applicationsOpen(Meeting m, boolean anItemOpen, Instant now) {
		return isPublic(m, now) && m.advanceNotice() && m.seats() > 0 && m.applyDeadline() != null
				&& now.isBefore(m.applyDeadline()) && now.isBefore(m.startsAt()) && anItemOpen && seatsLeft(m) > 0;
	}

	/** Seats not yet taken by approved applicants. */
	static int seatsLeft(Meeting m) {
		return Math.max(0, m.seats() - m.approvedCount());
	}

	/** Why applications are refused now, in Chinese; null when they are open. */
	static String applicationRefusal(Meeting m, Collection<MeetingItem> items, Instant now) {
		if (!isPublic(m, now)) {
			return null;
		}
		if (!m.advanceNotice() || m.seats() <= 0 || m.applyDeadline() == null || items.stream().noneMatch(MeetingRules::itemOpen)) {
			return "该会议不接受公众列席申请";
		}
		if (!now.isBefore(m.applyDeadline()) || !now.isBefore(m.startsAt())) {
			return "该会议的列席申请已截止";
		}
		if (seatsLeft(m) <= 0) {
			return "该会议的列席名额已满，不再接受申请";
		}
		return null;
	}

	/** Whether the decided items are public now. */
	static boolean decidedPublic(Meeting m, Instant now) {
		return isPublic(m, now) && m.outcomePublishedAt() != null;
	}

	/** The day from which applicants' contact details of this meeting are erased. */
	static LocalDate contactsErasedFrom(Meeting m) {
		return m.meetingDate().plusDays(CONTACT_RETENTION_DAYS);
	}
}
