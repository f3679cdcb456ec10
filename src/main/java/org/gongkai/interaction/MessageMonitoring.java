package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What oversight's automatic inspection reads of an agency's message board (国办秘函〔2019〕19号 互动回应差): the valid
 * messages it handles that still wait for an answer, those answered late, and when it last replied. Rows carry the
 * tracking code and the message type only, never the sender or the content.
 */
@Service
@Transactional(readOnly = true)
public class MessageMonitoring {

	/**
	 * One valid message: tracking code, type, status, the day it was submitted, its reply due day, its first reply
	 * day and whether that reply was late.
	 */
	public record WatchedMessage(long id, String trackingCode, MessageType type, MessageStatus status, LocalDate submittedOn,
			LocalDate dueOn, LocalDate firstRepliedOn, boolean replyLate) {

		/** Still waiting for an answer (submitted, accepted, or reopened by a follow-up question). */
		public boolean awaitingReply() {
			return status.awaitingReply();
		}

		public String consoleUrl() {
			return "/console/messages/" + id;
		}
	}

	private final JdbcClient jdbc;

	MessageMonitoring(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Valid (not rejected) messages handled by the agency that were submitted from {@code from} to {@code to}. */
	public List<WatchedMessage> validSubmittedBetween(long agencyId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT id, tracking_code, type, status, submitted_on, due_on, first_replied_on, first_reply_late "
				+ "FROM ia_message WHERE handling_agency_id = ? AND status <> 'REJECTED' AND submitted_on >= ? "
				+ "AND submitted_on <= ? ORDER BY submitted_on, id")
			.params(agencyId, from, to)
			.query((rs, n) -> new WatchedMessage(rs.getLong("id"), rs.getString("tracking_code"),
					MessageType.valueOf(rs.getString("type")), MessageStatus.valueOf(rs.getString("status")),
					rs.getObject("submitted_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
					rs.getObject("first_replied_on", LocalDate.class), Boolean.TRUE.equals(rs.getObject("first_reply_late"))))
			.list();
	}

	/** The last day the agency replied to any message on or before {@code on}; empty when it never did. */
	public Optional<LocalDate> lastReplyOn(long agencyId, LocalDate on) {
		return jdbc.sql("SELECT MAX(replied_on) FROM ia_message WHERE handling_agency_id = ? "
				+ "AND replied_on IS NOT NULL AND replied_on <= ?")
			.params(agencyId, on)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single();
	}
}
