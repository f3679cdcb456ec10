package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consultation on a draft (征求意见 / 决策预公开): the draft with its basis and drafting explanation, the period, the
 * channels besides the online form, the comment rules, and where it is in its life. {@code lifecycle} is what staff
 * did ({@code DRAFT}, {@code PUBLISHED} or {@code WITHDRAWN}); the state the public reads also depends on the day,
 * see {@link ConsultationRules#status}.
 *
 * @param shortReason why the period is shorter than 30 days (required then, shown publicly)
 * @param decisionId the major decision (kind {@code decision}) the draft belongs to, or null
 * @param commentsPublic whether accepted comments are shown publicly (masked, without the commenter)
 * @param closedEarlyOn the day staff ended the period before {@code closesOn}, or null
 * @param closedEarlyReason why staff ended the period before the announced last day (required then, shown publicly)
 * @param mainChanges the main changes made to the draft after the comments (part of the published summary)
 */
public record Consultation(long id, long agencyId, String title, String draft, String basis, String explanation,
		LocalDate opensOn, LocalDate closesOn, String shortReason, String channelEmail, String channelPost, String channelFax,
		String channelPhone, Long decisionId, ConsultationFieldRule nameRule, ConsultationFieldRule contactRule,
		boolean commentsPublic, String lifecycle, Instant publishedAt, LocalDate closedEarlyOn, Instant closedEarlyAt,
		String closedEarlyReason, Instant withdrawnAt, String withdrawalReason, String mainChanges, Instant feedbackPublishedAt, String createdBy,
		Instant createdAt, Instant updatedAt) {

	static final String DRAFT = "DRAFT";

	static final String PUBLISHED = "PUBLISHED";

	static final String WITHDRAWN = "WITHDRAWN";

	/** A line that begins an article: 「第一条」, 「第十二条」, 「第3条」. */
	private static final Pattern ARTICLE = Pattern.compile("^\\s*(第[一二三四五六七八九十百千零〇两0-9０-９]{1,8}条)");

	public boolean published() {
		return PUBLISHED.equals(lifecycle);
	}

	public boolean withdrawn() {
		return WITHDRAWN.equals(lifecycle);
	}

	/** The day the period actually ended or ends: the early closing, or the planned last day. */
	public LocalDate effectiveClosesOn() {
		return closedEarlyOn != null && closedEarlyOn.isBefore(closesOn) ? closedEarlyOn : closesOn;
	}

	/** The draft's articles; empty when the draft has no line beginning 「第…条」. */
	public List<ConsultationArticle> articles() {
		return articles(draft);
	}

	/** The text before the first article (title lines, preamble, chapter headings before it). */
	public String preamble() {
		StringBuilder out = new StringBuilder();
		for (String line : lines(draft)) {
			if (ARTICLE.matcher(line).find()) {
				break;
			}
			out.append(line).append('\n');
		}
		return out.toString().strip();
	}

	static List<ConsultationArticle> articles(String draft) {
		List<ConsultationArticle> out = new ArrayList<>();
		String heading = null;
		StringBuilder text = null;
		for (String line : lines(draft)) {
			Matcher m = ARTICLE.matcher(line);
			if (m.find()) {
				if (heading != null) {
					out.add(new ConsultationArticle(out.size() + 1, heading, text.toString().strip()));
				}
				heading = m.group(1);
				text = new StringBuilder(line.strip()).append('\n');
			}
			else if (heading != null) {
				text.append(line).append('\n');
			}
		}
		if (heading != null) {
			out.add(new ConsultationArticle(out.size() + 1, heading, text.toString().strip()));
		}
		return out;
	}

	private static String[] lines(String text) {
		return text == null ? new String[0] : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
	}
}
