package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of messages. Public views carry only public messages, with personal data masked in every text and
 * without the sender; staff views open a message only to the staff of its receiving or handling agency and
 * their supervisors; the sender's view needs the tracking code and the last four digits of the phone.
 */
@Service
@Transactional(readOnly = true)
public class MessageQueries {

	/** The one answer for an unknown code and a wrong verifier alike, so that codes cannot be probed. */
	static final String NOT_FOUND = "未找到与查询码和联系电话后四位相符的留言";

	/** Shown instead of the sender's name and contact to supervisors who neither review nor handle the message. */
	static final String HIDDEN_SENDER = "（仅受理、承办单位可见）";

	/** Who may open messages in the console. */
	static final Role[] VIEW_ROLES = { Role.MESSAGE_HANDLER, Role.AGENCY_ADMIN, Role.SUPERVISOR };

	/** One answer as the public sees it. */
	public record PublicReply(int round, String agency, LocalDate repliedOn, String content) {
	}

	/**
	 * A message as the public sees it: the four published fields (受理日期, 答复日期, 答复部门, 答复内容) with the
	 * title and text, masked.
	 */
	public record PublicMessage(long id, String agencyCode, String agencyName, String mailbox, MessageType type, String title,
			String content, LocalDate submittedOn, LocalDate acceptedOn, LocalDate repliedOn, String replyingAgency, String reply,
			List<PublicReply> replies, boolean reopened, java.time.Instant repliedAt) {

		/** The reply time as the page's {@code PubDate} wants it (portal-rules §6 check 3), China time. */
		public String pubDate() {
			return repliedAt == null ? null
					: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(org.gongkai.platform.Zones.CHINA).format(repliedAt);
		}
	}

	/** A page of public messages. */
	public record PublicPage(List<PublicMessage> items, int page, int pageSize, int total) {

		public int pages() {
			return Math.max(1, (total + pageSize - 1) / pageSize);
		}
	}

	/** Everything staff see of a message. */
	public record StaffView(Message message, String agencyName, String handlingAgencyName, Mailbox mailbox,
			List<MessageReply> replies, List<Supervision> supervisions, List<MessageEvent> events, boolean canHandle,
			boolean canReview, boolean canSupervise) {
	}

	/** What the sender sees on the tracking page. */
	public record SenderView(Message message, String agencyName, String handlingAgencyName, List<PublicReply> replies,
			List<MessageEvent> events, boolean canRate, boolean canReopen) {
	}

	private final Messages messages;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final InteractionManagement management;

	private final java.time.Clock clock;

	MessageQueries(Messages messages, AgencyDirectory agencies, AgencyAccess access, InteractionManagement management,
			java.time.Clock clock) {
		this.messages = messages;
		this.agencies = agencies;
		this.access = access;
		this.management = management;
		this.clock = clock;
	}

	// ---- public --------------------------------------------------------------------------------------

	public Optional<PublicMessage> publicMessage(long id) {
		return messages.find(id).filter(Message::isPublic).map(this::toPublic);
	}

	public PublicPage publicPage(Long agencyId, MessageType type, Long mailboxId, int page, int pageSize) {
		int p = Math.max(1, page);
		int total = messages.countPublic(agencyId, type, mailboxId);
		long offset = (p - 1L) * pageSize;
		List<PublicMessage> items = offset >= total ? List.of()
				: messages.publicMessages(agencyId, type, mailboxId, offset, pageSize).stream().map(this::toPublic).toList();
		return new PublicPage(items, p, pageSize, total);
	}

	/** Ids and handling agencies of all public messages (sitemap, search rebuild). */
	public List<long[]> publicIds() {
		return messages.publicIds();
	}

	public List<Mailbox> activeMailboxes(Long agencyId) {
		return messages.mailboxes(agencyId, true);
	}

	public Optional<Mailbox> mailbox(long id) {
		return messages.mailbox(id);
	}

	private PublicMessage toPublic(Message m) {
		List<MessageReply> answers = messages.replies(m.id());
		List<PublicReply> replies = answers.stream()
			.map(r -> new PublicReply(r.round(), agencyName(r.agencyId()), r.repliedOn(), PersonalDataScanner.mask(r.content())))
			.toList();
		PublicReply last = replies.isEmpty() ? null : replies.get(replies.size() - 1);
		java.time.Instant repliedAt = answers.isEmpty() ? null : answers.get(answers.size() - 1).repliedAt();
		Agency agency = agencies.findById(m.agencyId()).orElseThrow();
		String mailbox = m.mailboxId() == null ? null : messages.mailbox(m.mailboxId()).map(Mailbox::name).orElse(null);
		return new PublicMessage(m.id(), agency.code(), agency.name(), mailbox, m.type(), PersonalDataScanner.mask(m.title()),
				PersonalDataScanner.mask(m.content()), m.submittedOn(), m.acceptedOn(), last == null ? null : last.repliedOn(),
				last == null ? null : last.agency(), last == null ? null : last.content(), replies,
				m.status() == MessageStatus.REOPENED, repliedAt);
	}

	// ---- the sender ----------------------------------------------------------------------------------

	/**
	 * The sender's view, by tracking code and the phone's last four digits; an unknown code and a wrong verifier
	 * give the same empty answer.
	 */
	@Transactional
	public Optional<SenderView> track(String trackingCode, String phoneLast4) {
		String code = Texts.trimToNull(trackingCode);
		if (code == null) {
			return Optional.empty();
		}
		Optional<Message> found = messages.findByCode(code.toUpperCase(Locale.ROOT));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Message m = found.get();
		if (messages.trackingLocked(m.id(), clock.instant())) {
			return Optional.empty();
		}
		if (!InteractionManagement.senderMatches(m, phoneLast4)) {
			messages.trackingFailed(m.id(), clock.instant());
			return Optional.empty();
		}
		messages.trackingSucceeded(m.id());
		List<PublicReply> replies = messages.replies(m.id())
			.stream()
			.map(r -> new PublicReply(r.round(), agencyName(r.agencyId()), r.repliedOn(), r.content()))
			.toList();
		LocalDate today = LocalDate.now(clock.withZone(org.gongkai.platform.Zones.CHINA));
		InteractionSettings settings = management.settings(m.agencyId());
		boolean canRate = m.status() == MessageStatus.REPLIED && (m.ratedAt() == null
				|| messages.replies(m.id()).stream().anyMatch(r -> r.repliedAt().isAfter(m.ratedAt())));
		boolean canReopen = m.status() == MessageStatus.REPLIED && m.reopenedOn() == null
				&& !today.isAfter(m.repliedOn().plusDays(settings.reopenWindowDays()));
		return Optional.of(new SenderView(m, agencyName(m.agencyId()), agencyName(m.handlingAgencyId()), replies,
				messages.events(m.id(), true), canRate, canReopen));
	}

	// ---- staff ---------------------------------------------------------------------------------------

	/** The agencies whose messages the actor may see in the console. */
	public List<Agency> staffAgencies(Actor actor) {
		if (actor.token()) {
			return actor.agencyId() != null && actor.hasScope(InteractionManagement.INTERACTION_SCOPE)
					? agencies.findById(actor.agencyId()).stream().toList() : List.of();
		}
		return access.agenciesFor(actor, VIEW_ROLES);
	}

	public StaffView staffView(long id) {
		Actor actor = Actors.require();
		Message m = messages.find(id).orElseThrow(() -> DomainException.notFound("留言不存在"));
		boolean sees = staffAgencies(actor).stream().anyMatch(a -> a.id() == m.agencyId() || a.id() == m.handlingAgencyId());
		if (!sees) {
			throw DomainException.forbidden("只有受理、承办单位的互动交流工作人员和监督部门可以查看这条留言");
		}
		boolean canReview = handles(actor, m.agencyId());
		boolean canHandle = handles(actor, m.handlingAgencyId());
		boolean canSupervise = !actor.token() && access.allows(actor, m.handlingAgencyId(), Role.SUPERVISOR);
		Mailbox box = m.mailboxId() == null ? null : messages.mailbox(m.mailboxId()).orElse(null);
		// the form's notice promises the sender's name and contact to the receiving and handling agencies' staff only
		Message shown = canReview || canHandle ? m : m.with(b -> {
			b.senderName = HIDDEN_SENDER;
			b.senderPhone = HIDDEN_SENDER;
			b.senderEmail = null;
		});
		return new StaffView(shown, agencyName(m.agencyId()), agencyName(m.handlingAgencyId()), box, messages.replies(id),
				messages.supervisions(id), messages.events(id, false), canHandle, canReview, canSupervise);
	}

	/** The console queue of the given agencies (each must be visible to the actor). */
	public List<Message> queue(Collection<Long> agencyIds, MessageStatus status, MessageType type, boolean openOnly, int page,
			int pageSize) {
		return messages.queue(visibleOnly(agencyIds), status, type, openOnly, (Math.max(1, page) - 1L) * pageSize, pageSize);
	}

	public int countQueue(Collection<Long> agencyIds, MessageStatus status, MessageType type, boolean openOnly) {
		return messages.countQueue(visibleOnly(agencyIds), status, type, openOnly);
	}

	public List<Supervision> openSupervisions(Collection<Long> agencyIds) {
		return messages.openSupervisions(visibleOnly(agencyIds));
	}

	public List<Mailbox> mailboxes(long agencyId) {
		access.require(agencyId, VIEW_ROLES);
		return messages.mailboxes(agencyId, false);
	}

	private List<Long> visibleOnly(Collection<Long> agencyIds) {
		List<Long> visible = staffAgencies(Actors.require()).stream().map(Agency::id).toList();
		List<Long> out = new ArrayList<>();
		for (Long id : agencyIds) {
			if (visible.contains(id)) {
				out.add(id);
			}
		}
		return out;
	}

	private boolean handles(Actor actor, long agencyId) {
		return actor.token() ? actor.hasScope(InteractionManagement.INTERACTION_SCOPE) && actor.agencyId() != null
				&& actor.agencyId() == agencyId : access.allows(actor, agencyId, InteractionManagement.HANDLER_ROLES);
	}

	String agencyName(long id) {
		return agencies.findById(id).map(Agency::name).orElse("");
	}
}
