package org.gongkai.participation;

/**
 * A comment as the public sends it (the form on the consultation page or the public API).
 *
 * @param article the article commented on (its number in the draft, from 1), or null for the whole draft
 */
public record CommentInput(Integer article, String content, String name, String contact) {
}
