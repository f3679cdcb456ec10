package org.gongkai.participation;

/**
 * One article of a draft: a line beginning 「第…条」 and the lines up to the next such line. {@code number} counts the
 * articles from 1 in the order of the draft; {@code heading} is the article's own 「第十二条」.
 */
public record ConsultationArticle(int number, String heading, String text) {
}
