package org.gongkai.interaction;

/**
 * What a sender writes: to an agency's board ({@code mailboxId} empty) or to one of its leader mailboxes.
 * {@code publicAllowed} must be answered (null is a missing answer): a message is published only with the
 * sender's consent.
 */
public record MessageSubmission(String agency, Long mailboxId, MessageType type, String title, String content, String name,
		String phone, String email, Boolean publicAllowed) {
}
