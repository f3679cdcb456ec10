package org.gongkai.participation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.AfterTransaction;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an open meeting: staff prepare the meeting and its agenda, publish (announce) or withdraw it, decide
 * applications to attend within the seats, record and publish the decided items with their references, the attendance
 * summary and materials; the public applies to attend. Every step checks the actor, validates before it writes, is
 * audited, and tells the portal when the public page changes ({@link PublicMeetingChanged}). The publication rules are
 * {@link MeetingRules}.
 */
@Service
@Transactional
class MeetingManagement {

	/** Staff who manage an agency's meetings. */
	static final Role[] MANAGER_ROLES = { Role.EDITOR, Role.AGENCY_ADMIN };

	/** The token scope of a system that manages participation records. */
	static final String SCOPE = "participation";

	/** The kinds a decided item may refer to. */
	static final List<String> LINK_KINDS = List.of("decision", "consultation");

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final long MAX_FILE = 20L * 1024 * 1024;

	private final Meetings meetings;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ParticipationLinks links;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MeetingManagement(Meetings meetings, AgencyDirectory agencies, AgencyAccess access, ParticipationLinks links,
			FileStore files, ApplicationEventPublisher events, Clock clock) {
		this.meetings = meetings;
		this.agencies = agencies;
		this.access = access;
		this.links = links;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	// ---- who may act ------------------------------------------------------------------------------------

	/** The current actor when it manages the agency's meetings: its editors and administrators, or its participation token. */
	Actor requireManager(long agencyId) {
		Actor actor = Actors.require();
		if (actor.token()) {
			if (actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId) {
				return actor;
			}
			throw DomainException.forbidden("您没有处理该单位会议公开事项的权限");
		}
		return access.require(agencyId, MANAGER_ROLES);
	}

	boolean manages(Actor actor, long agencyId) {
		if (actor.token()) {
			return actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId;
		}
		return access.allows(actor, agencyId, MANAGER_ROLES);
	}

	// ---- the meeting --------------------------------------------------------------------------------------

	Meeting create(long agencyId, MeetingDraft draft) {
		Actor actor = requireManager(agencyId);
		Agency agency = agencies.findById(agencyId).filter(Agency::active)
			.orElseThrow(() -> InvalidInputException.of("agency", "没有找到这个单位，或该单位已撤销"));
		Parsed p = parse(draft, 0);
		Instant now = clock.instant();
		Meeting m = new Meeting(0, agency.id(), p.title, p.type, p.startsAt, p.startsAt.atZone(Zones.CHINA).toLocalDate(), p.place,
				draft.advanceNotice(), p.liveUrl, p.invited, p.seats, 0, p.deadline, MeetingStatus.DRAFT, null, null, null, null,
				false, 0, now, now);
		long id = meetings.insert(m);
		audit(actor, agencyId, id, "meeting.created", "新建会议：" + p.title);
		return meetings.find(id).orElseThrow();
	}

	/** A meeting with its agenda in one step (the staff API): nothing is saved when any part is invalid. */
	Meeting createWithAgenda(long agencyId, MeetingDraft draft, List<MeetingItemDraft> items) {
		Meeting m = create(agencyId, draft);
		int n = 0;
		for (MeetingItemDraft d : items) {
			n++;
			try {
				addItem(m.id(), d);
			}
			catch (InvalidInputException e) {
				final int index = n;
				throw new InvalidInputException(e.problems()
					.stream()
					.map(p -> new FieldProblem("items[" + (index - 1) + "]." + p.field(), "第" + index + "个议题：" + p.message()))
					.toList());
			}
		}
		return meetings.find(m.id()).orElseThrow();
	}

	Meeting update(long id, MeetingDraft draft) {
		Meeting m = lock(id);
		Actor actor = requireManager(m.agencyId());
		if (m.status() == MeetingStatus.WITHDRAWN) {
			throw new DomainException("会议已撤回，不能修改；请重新公开后再修改");
		}
		Parsed p = parse(draft, m.approvedCount());
		Instant now = clock.instant();
		if (m.status() == MeetingStatus.PUBLISHED && !draft.advanceNotice() && p.startsAt.isAfter(now)) {
			throw new DomainException("已公开的会议须预告，或者在会议开始后才能公开");
		}
		Meeting changed = new Meeting(m.id(), m.agencyId(), p.title, p.type, p.startsAt, p.startsAt.atZone(Zones.CHINA).toLocalDate(),
				p.place, draft.advanceNotice(), p.liveUrl, p.invited, p.seats, m.approvedCount(), p.deadline, m.status(),
				m.publishedAt(), m.withdrawnReason(), m.withdrawnAt(), m.outcomePublishedAt(), m.contactsErased(), m.version(),
				m.createdAt(), now);
		meetings.update(changed);
		audit(actor, m.agencyId(), id, "meeting.updated", "修改会议：" + p.title);
		publicChange(changed);
		return meetings.find(id).orElseThrow();
	}

	/** Publishes (announces) the meeting: a meeting not announced in advance is published only once it has begun. */
	Meeting publish(long id) {
		Meeting m = lock(id);
		Actor actor = requireManager(m.agencyId());
		if (m.status() == MeetingStatus.PUBLISHED) {
			throw new DomainException("会议已经公开");
		}
		Instant now = clock.instant();
		if (!m.advanceNotice() && !MeetingRules.held(m, now)) {
			throw new DomainException("该会议不作预告，须在会议开始后才能公开");
		}
		if (meetings.items(id).isEmpty()) {
			throw new DomainException("请先填写会议议题，再公开会议");
		}
		Meeting published = with(m, MeetingStatus.PUBLISHED, now, null, null, m.outcomePublishedAt(), now);
		meetings.update(published);
		audit(actor, m.agencyId(), id, "meeting.published", (m.advanceNotice() ? "预告会议：" : "公开会议：") + m.title());
		publicChange(published);
		return meetings.find(id).orElseThrow();
	}

	Meeting withdraw(long id, String reason) {
		Meeting m = lock(id);
		Actor actor = requireManager(m.agencyId());
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请填写撤回的理由");
		}
		if (r.length() > 500) {
			throw InvalidInputException.of("reason", "撤回理由不能超过500个字");
		}
		if (m.status() != MeetingStatus.PUBLISHED) {
			throw new DomainException("只有已公开的会议可以撤回");
		}
		Instant now = clock.instant();
		Meeting withdrawn = with(m, MeetingStatus.WITHDRAWN, m.publishedAt(), r, now, m.outcomePublishedAt(), now);
		meetings.update(withdrawn);
		// applications still waiting can no longer be decided: they lapse (the applicant sees why on the tracking page)
		meetings.lapseApplications(id, now);
		audit(actor, m.agencyId(), id, "meeting.withdrawn", "撤回会议：" + m.title() + "；理由：" + r);
		events.publishEvent(new PublicMeetingChanged(id, m.agencyId(), false));
		return meetings.find(id).orElseThrow();
	}

	// ---- the agenda ---------------------------------------------------------------------------------------

	MeetingItem addItem(long meetingId, MeetingItemDraft draft) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		List<MeetingItem> items = meetings.items(meetingId);
		MeetingItem item = item(meetingId, 0, draft, items.isEmpty() ? 1 : items.get(items.size() - 1).sortOrder() + 1);
		long id = meetings.insertItem(item);
		audit(actor, m.agencyId(), meetingId, "meeting.item-added", "新增议题" + (item.isPublic() ? "：" + item.title() : "（不公开）"));
		publicChange(m);
		return meetings.items(meetingId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
	}

	MeetingItem updateItem(long meetingId, long itemId, MeetingItemDraft draft) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		MeetingItem old = meetings.items(meetingId).stream().filter(i -> i.id() == itemId).findFirst()
			.orElseThrow(() -> DomainException.notFound("没有找到这个议题"));
		MeetingItem item = item(meetingId, itemId, draft, old.sortOrder());
		if (old.isPublic() && !item.isPublic()) {
			// its title already reached the public through decided items or applicants' tracking pages
			if (meetings.decided(meetingId).stream().anyMatch(d -> d.itemId() != null && d.itemId() == itemId)) {
				throw new DomainException("已有议定事项对应该议题，不能改为不公开；请先修改或删除相应的议定事项");
			}
			if (meetings.applications(meetingId, null).stream().anyMatch(a -> a.itemIds().contains(itemId))) {
				throw new DomainException("已有列席申请选择了该议题，不能改为不公开");
			}
		}
		meetings.updateItem(item);
		audit(actor, m.agencyId(), meetingId, "meeting.item-updated", "修改议题" + (item.isPublic() ? "：" + item.title() : "（不公开）"));
		publicChange(m);
		return item;
	}

	void removeItem(long meetingId, long itemId) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		meetings.items(meetingId).stream().filter(i -> i.id() == itemId).findFirst()
			.orElseThrow(() -> DomainException.notFound("没有找到这个议题"));
		meetings.deleteItem(itemId);
		audit(actor, m.agencyId(), meetingId, "meeting.item-removed", "删除议题");
		publicChange(m);
	}

	private static MeetingItem item(long meetingId, long id, MeetingItemDraft d, int defaultOrder) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(d.title());
		if (title == null) {
			problems.add(new FieldProblem("itemTitle", "请填写议题名称"));
		}
		else if (title.length() > 300) {
			problems.add(new FieldProblem("itemTitle", "议题名称不能超过300个字"));
		}
		String proposer = Texts.trimToNull(d.proposer());
		if (proposer != null && proposer.length() > 200) {
			problems.add(new FieldProblem("proposer", "议题提出单位不能超过200个字"));
		}
		int order = defaultOrder;
		if (Texts.trimToNull(d.sortOrder()) != null) {
			try {
				order = Integer.parseInt(d.sortOrder().trim());
				if (order < 0 || order > 999) {
					problems.add(new FieldProblem("sortOrder", "序号应为0至999的整数"));
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("sortOrder", "序号应为0至999的整数"));
			}
		}
		if (d.openToApplications() && !d.isPublic()) {
			problems.add(new FieldProblem("openToApplications", "不公开的议题不能接受公众列席申请"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new MeetingItem(id, meetingId, order, title, proposer, d.isPublic(), d.isPublic() && d.openToApplications());
	}

	// ---- decided items, attendance and materials -------------------------------------------------------------------

	/** Records a new decided item ({@code decidedId} null) or changes one; only once the meeting has begun. */
	MeetingDecided recordDecided(long meetingId, Long decidedId, MeetingDecidedDraft draft) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		if (!MeetingRules.held(m, clock.instant())) {
			throw new DomainException("会议召开后才能记录议定事项");
		}
		if (m.status() == MeetingStatus.WITHDRAWN) {
			throw new DomainException("会议已撤回，不能记录议定事项");
		}
		List<MeetingDecided> existing = meetings.decided(meetingId);
		if (decidedId != null && existing.stream().noneMatch(d -> d.id() == decidedId)) {
			throw DomainException.notFound("没有找到这条议定事项");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Long itemId = null;
		if (Texts.trimToNull(draft.itemId()) != null) {
			try {
				long wanted = Long.parseLong(draft.itemId().trim());
				MeetingItem item = meetings.items(meetingId).stream().filter(i -> i.id() == wanted).findFirst().orElse(null);
				if (item == null) {
					problems.add(new FieldProblem("itemId", "所选议题不属于本次会议"));
				}
				else if (!MeetingRules.itemPublic(item)) {
					problems.add(new FieldProblem("itemId", "不公开的议题不能公开议定事项；请选择公开的议题，或者不选议题"));
				}
				else {
					itemId = wanted;
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("itemId", "所选议题不属于本次会议"));
			}
		}
		String content = Texts.trimToNull(draft.content());
		if (content == null) {
			problems.add(new FieldProblem("content", "请填写议定事项"));
		}
		else if (content.length() > 5000) {
			problems.add(new FieldProblem("content", "议定事项不能超过5000个字"));
		}
		int order = decidedId == null ? existing.size() + 1
				: existing.stream().filter(d -> d.id() == decidedId).findFirst().orElseThrow().sortOrder();
		if (Texts.trimToNull(draft.sortOrder()) != null) {
			try {
				order = Integer.parseInt(draft.sortOrder().trim());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("sortOrder", "序号应为整数"));
			}
		}
		Set<MeetingDecided.MeetingLinkRef> refs = new LinkedHashSet<>();
		for (String raw : draft.links()) {
			String v = Texts.trimToNull(raw);
			if (v == null) {
				continue;
			}
			int colon = v.indexOf(':');
			String kind = colon < 0 ? "" : v.substring(0, colon).trim();
			long target;
			try {
				target = Long.parseLong(v.substring(colon + 1).trim());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("links", "关联事项的编号应为数字"));
				continue;
			}
			if (!LINK_KINDS.contains(kind)) {
				problems.add(new FieldProblem("links", "议定事项只能关联重大决策或意见征集"));
				continue;
			}
			try {
				links.require("links", kind, target);
				refs.add(new MeetingDecided.MeetingLinkRef(kind, target));
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id;
		if (decidedId == null) {
			id = meetings.insertDecided(meetingId, itemId, order, content);
		}
		else {
			id = decidedId;
			meetings.updateDecided(id, itemId, order, content);
		}
		meetings.replaceLinks(id, List.copyOf(refs));
		audit(actor, m.agencyId(), meetingId, decidedId == null ? "meeting.decided-added" : "meeting.decided-updated",
				(decidedId == null ? "记录议定事项：" : "修改议定事项：") + abbreviate(content));
		if (m.outcomePublishedAt() != null) {
			publicChange(m);
		}
		return meetings.decided(meetingId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	void removeDecided(long meetingId, long decidedId) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		MeetingDecided d = meetings.decided(meetingId).stream().filter(x -> x.id() == decidedId).findFirst()
			.orElseThrow(() -> DomainException.notFound("没有找到这条议定事项"));
		meetings.deleteDecided(decidedId);
		audit(actor, m.agencyId(), meetingId, "meeting.decided-removed", "删除议定事项：" + abbreviate(d.content()));
		if (m.outcomePublishedAt() != null) {
			publicChange(m);
		}
	}

	/**
	 * Closes out a held meeting that has no decided item to publish (for instance every item was not public or was
	 * only discussed): it leaves the queue of meetings awaiting their outcome, with the reason on record.
	 */
	void closeOutcome(long meetingId, String reason) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请说明没有需要公开的议定事项的理由");
		}
		if (r.length() > 500) {
			throw InvalidInputException.of("reason", "理由不能超过500个字");
		}
		if (m.status() != MeetingStatus.PUBLISHED || !MeetingRules.held(m, clock.instant())) {
			throw new DomainException("只有已召开的公开会议可以确认无需公开的议定事项");
		}
		if (m.outcomePublishedAt() != null) {
			throw new DomainException("议定事项已经公开");
		}
		if (!meetings.decided(meetingId).isEmpty()) {
			throw new DomainException("已记录议定事项，请公开议定事项或先删除");
		}
		if (meetings.outcomeClosedReason(meetingId).isPresent()) {
			throw new DomainException("已确认无需公开的议定事项");
		}
		meetings.closeOutcome(meetingId, r, clock.instant());
		audit(actor, m.agencyId(), meetingId, "meeting.outcome-closed", "确认无需公开的议定事项：" + r);
	}

	/** Publishes the decided items with the published meeting (seed 003: 讨论决定的事项…应及时公开). */
	Meeting publishOutcome(long meetingId) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		Instant now = clock.instant();
		if (m.status() != MeetingStatus.PUBLISHED) {
			throw new DomainException("请先公开会议，再公开议定事项");
		}
		if (!MeetingRules.held(m, now)) {
			throw new DomainException("会议召开后才能公开议定事项");
		}
		if (m.outcomePublishedAt() != null) {
			throw new DomainException("议定事项已经公开");
		}
		if (meetings.decided(meetingId).isEmpty()) {
			throw new DomainException("请先记录议定事项，再公开");
		}
		Meeting done = with(m, m.status(), m.publishedAt(), m.withdrawnReason(), m.withdrawnAt(), now, now);
		meetings.update(done);
		audit(actor, m.agencyId(), meetingId, "meeting.outcome-published", "公开议定事项：" + m.title());
		publicChange(done);
		return meetings.find(meetingId).orElseThrow();
	}

	/** The attendance summary: how many attended per category, no names. */
	Map<AttendanceCategory, Integer> recordAttendance(long meetingId, Map<String, String> counts) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		if (!MeetingRules.held(m, clock.instant())) {
			throw new DomainException("会议召开后才能填写列席情况");
		}
		Map<AttendanceCategory, Integer> parsed = new EnumMap<>(AttendanceCategory.class);
		List<FieldProblem> problems = new ArrayList<>();
		for (AttendanceCategory c : AttendanceCategory.values()) {
			String v = Texts.trimToNull(counts.get(c.name()));
			if (v == null) {
				continue;
			}
			try {
				int n = Integer.parseInt(v);
				if (n < 0 || n > 10000) {
					throw new NumberFormatException();
				}
				if (n > 0) {
					parsed.put(c, n);
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem(c.name(), c.label() + "的列席人数应为0至10000的整数"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		meetings.replaceAttendance(meetingId, parsed);
		audit(actor, m.agencyId(), meetingId, "meeting.attendance", "填写列席情况");
		publicChange(m);
		return meetings.attendance(meetingId);
	}

	/** Adds a material: an uploaded file (through the file store) or an https link. */
	MeetingMaterial addMaterial(long meetingId, String title, byte[] content, String fileName, String contentType, String url) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		List<FieldProblem> problems = new ArrayList<>();
		String t = Texts.trimToNull(title);
		if (t == null) {
			problems.add(new FieldProblem("materialTitle", "请填写材料名称"));
		}
		else if (t.length() > 200) {
			problems.add(new FieldProblem("materialTitle", "材料名称不能超过200个字"));
		}
		boolean hasFile = content != null && content.length > 0;
		String u = Texts.trimToNull(url);
		if (hasFile == (u != null)) {
			problems.add(new FieldProblem("file", "请上传一个文件，或者填写一个链接（二选一）"));
		}
		if (u != null && !MeetingRules.validHttps(u)) {
			problems.add(new FieldProblem("url", "链接须以 https:// 开头"));
		}
		if (hasFile && content.length > MAX_FILE) {
			problems.add(new FieldProblem("file", "文件不能超过20MB"));
		}
		String name = fileName == null ? "材料" : fileName.replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String key = null;
		if (hasFile) {
			key = files.put(content, name);
			String stored = key;
			AfterTransaction.rollback(() -> files.delete(stored));
		}
		Instant now = clock.instant();
		long id = meetings.insertMaterial(new MeetingMaterial(0, meetingId, t, key, hasFile ? name : null,
				hasFile ? (contentType == null ? "application/octet-stream" : contentType) : null,
				hasFile ? (long) content.length : null, u, now));
		audit(actor, m.agencyId(), meetingId, "meeting.material-added", "添加会议材料：" + t);
		publicChange(m);
		return meetings.material(id).orElseThrow();
	}

	void removeMaterial(long meetingId, long materialId) {
		Meeting m = lock(meetingId);
		Actor actor = requireManager(m.agencyId());
		MeetingMaterial mat = meetings.material(materialId).filter(x -> x.meetingId() == meetingId)
			.orElseThrow(() -> DomainException.notFound("没有找到这份材料"));
		meetings.deleteMaterial(materialId);
		if (mat.fileKey() != null) {
			AfterTransaction.commit(() -> files.delete(mat.fileKey()));
		}
		audit(actor, m.agencyId(), meetingId, "meeting.material-removed", "删除会议材料：" + mat.title());
		publicChange(m);
	}

	// ---- applications to attend ---------------------------------------------------------------------------------

	/**
	 * A member of the public applies to attend: refused (409) when the meeting takes no applications or the deadline
	 * has passed, and when the same phone already applied; saved at once with its tracking code.
	 */
	AttendanceApplication apply(long meetingId, AttendanceSubmission s) {
		Meeting m = meetings.find(meetingId).orElseThrow(MeetingManagement::meetingNotFound);
		Instant now = clock.instant();
		if (!MeetingRules.isPublic(m, now)) {
			throw meetingNotFound();
		}
		List<MeetingItem> items = meetings.items(meetingId);
		String refusal = MeetingRules.applicationRefusal(m, items, now);
		if (refusal != null) {
			throw new DomainException(refusal);
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = Texts.trimToNull(s.name());
		if (name == null) {
			problems.add(new FieldProblem("name", "请填写姓名"));
		}
		else if (name.length() > 50) {
			problems.add(new FieldProblem("name", "姓名不能超过50个字"));
		}
		AttendanceCategory category = AttendanceCategory.parse(s.category());
		if (category == null) {
			problems.add(new FieldProblem("category", "请选择列席人员类别"));
		}
		else if (!m.invited().contains(category)) {
			problems.add(new FieldProblem("category", "本次会议不邀请该类别的人员列席"));
		}
		String unit = Texts.trimToNull(s.workUnit());
		if (unit != null && unit.length() > 200) {
			problems.add(new FieldProblem("workUnit", "工作单位不能超过200个字"));
		}
		String phone = Texts.trimToNull(s.phone());
		if (phone == null) {
			problems.add(new FieldProblem("phone", "请填写手机号码，用于通知审核结果和查询"));
		}
		else if (!MOBILE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "手机号码格式不正确，请填写11位手机号码"));
		}
		Set<Long> chosen = new LinkedHashSet<>();
		for (String raw : s.itemIds()) {
			String v = Texts.trimToNull(raw);
			if (v == null) {
				continue;
			}
			MeetingItem item = null;
			try {
				long want = Long.parseLong(v);
				item = items.stream().filter(i -> i.id() == want).findFirst().orElse(null);
			}
			catch (NumberFormatException e) {
				// reported below
			}
			if (item == null || !MeetingRules.itemOpen(item)) {
				problems.add(new FieldProblem("items", "所选议题不接受列席申请"));
			}
			else {
				chosen.add(item.id());
			}
		}
		if (chosen.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("items"))) {
			problems.add(new FieldProblem("items", "请选择您希望列席的议题"));
		}
		String reason = Texts.trimToNull(s.reason());
		if (reason != null && reason.length() > 1000) {
			problems.add(new FieldProblem("reason", "申请理由不能超过1000个字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Meeting locked = lock(meetingId);
		if (meetings.duplicate(locked.id(), phone)) {
			throw new DomainException("该手机号码已申请列席本次会议，请勿重复提交；可凭查询码查看审核结果");
		}
		AttendanceApplication a = new AttendanceApplication(0, meetingId, newCode(), name, category, unit, phone,
				List.copyOf(chosen), reason, AttendanceStatus.SUBMITTED, null, null, null, now, null);
		long id = meetings.insertApplication(a);
		audit(Actor.system(), m.agencyId(), meetingId, "meeting.application-received", "收到列席申请（" + a.trackingCode() + "）");
		return meetings.application(id).orElseThrow();
	}

	/** Approves an application; never more approvals than seats, even when staff approve at the same time. */
	AttendanceApplication approve(long applicationId) {
		AttendanceApplication a = meetings.lockApplication(applicationId)
			.orElseThrow(() -> DomainException.notFound("没有找到这份列席申请"));
		Meeting m = meetings.find(a.meetingId()).orElseThrow();
		Actor actor = requireManager(m.agencyId());
		if (a.status() != AttendanceStatus.SUBMITTED) {
			throw new DomainException("该申请已审核（" + a.status().label() + "）");
		}
		if (m.status() != MeetingStatus.PUBLISHED) {
			throw new DomainException("会议未公开或已撤回，不能同意列席");
		}
		if (MeetingRules.held(m, clock.instant())) {
			throw new DomainException("会议已经开始，不能再同意列席");
		}
		if (!meetings.takeSeat(m.id())) {
			throw new DomainException("列席名额已满（共" + m.seats() + "个），不能再同意；可以不同意并说明理由");
		}
		meetings.decideApplication(applicationId, AttendanceStatus.APPROVED, null, clock.instant(), actor.username());
		audit(actor, m.agencyId(), m.id(), "meeting.application-approved", "同意列席申请（" + a.trackingCode() + "）");
		return meetings.application(applicationId).orElseThrow();
	}

	/** Refuses an application with a reason the applicant sees. */
	AttendanceApplication refuse(long applicationId, String reason) {
		AttendanceApplication a = meetings.lockApplication(applicationId)
			.orElseThrow(() -> DomainException.notFound("没有找到这份列席申请"));
		Meeting m = meetings.find(a.meetingId()).orElseThrow();
		Actor actor = requireManager(m.agencyId());
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请填写不同意列席的理由，申请人可以看到");
		}
		if (r.length() > 500) {
			throw InvalidInputException.of("reason", "理由不能超过500个字");
		}
		if (a.status() != AttendanceStatus.SUBMITTED) {
			throw new DomainException("该申请已审核（" + a.status().label() + "）");
		}
		meetings.decideApplication(applicationId, AttendanceStatus.REFUSED, r, clock.instant(), actor.username());
		audit(actor, m.agencyId(), m.id(), "meeting.application-refused", "不同意列席申请（" + a.trackingCode() + "）");
		return meetings.application(applicationId).orElseThrow();
	}

	/** Records that staff read or exported the applicants' personal data of a meeting (the audit trail of personal data). */
	void applicantsRead(long meetingId, String how) {
		Meeting m = meetings.find(meetingId).orElseThrow(() -> DomainException.notFound("没有找到这个会议"));
		Actor actor = requireManager(m.agencyId());
		audit(actor, m.agencyId(), meetingId, "meeting.applicants-read", how + "：" + m.title());
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	/** A draft's values, checked. */
	private record Parsed(String title, MeetingType type, Instant startsAt, String place, String liveUrl,
			Set<AttendanceCategory> invited, int seats, Instant deadline) {
	}

	private Parsed parse(MeetingDraft d, int approved) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(d.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写会议名称"));
		}
		else if (title.length() > 200) {
			problems.add(new FieldProblem("title", "会议名称不能超过200个字"));
		}
		MeetingType type = MeetingType.parse(d.type());
		if (type == null) {
			problems.add(new FieldProblem("type", "请选择会议类型"));
		}
		Instant starts = instant(d.startsAt());
		if (starts == null) {
			problems.add(new FieldProblem("startsAt", Texts.trimToNull(d.startsAt()) == null ? "请填写会议时间" : "会议时间格式不正确，如 2026-12-03T09:30"));
		}
		String place = Texts.trimToNull(d.place());
		if (place != null && place.length() > 200) {
			problems.add(new FieldProblem("place", "会议地点不能超过200个字"));
		}
		String live = Texts.trimToNull(d.liveUrl());
		if (live != null && !MeetingRules.validHttps(live)) {
			problems.add(new FieldProblem("liveUrl", "直播地址须以 https:// 开头"));
		}
		Set<AttendanceCategory> invited = EnumSet.noneOf(AttendanceCategory.class);
		for (String c : d.invited()) {
			if (Texts.trimToNull(c) == null) {
				continue;
			}
			AttendanceCategory cat = AttendanceCategory.parse(c);
			if (cat == null) {
				problems.add(new FieldProblem("invited", "列席人员类别不正确"));
			}
			else {
				invited.add(cat);
			}
		}
		int seats = 0;
		if (Texts.trimToNull(d.seats()) != null) {
			try {
				seats = Integer.parseInt(d.seats().trim());
				if (seats < 0 || seats > 1000) {
					problems.add(new FieldProblem("seats", "公开报名名额应为0至1000的整数"));
				}
				else if (seats < approved) {
					problems.add(new FieldProblem("seats", "已同意" + approved + "人列席，名额不能少于" + approved + "个"));
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("seats", "公开报名名额应为0至1000的整数"));
			}
		}
		Instant deadline = instant(d.applyDeadline());
		if (deadline == null && Texts.trimToNull(d.applyDeadline()) != null) {
			problems.add(new FieldProblem("applyDeadline", "报名截止时间格式不正确，如 2026-12-01T17:00"));
		}
		if (seats > 0) {
			if (!d.advanceNotice()) {
				problems.add(new FieldProblem("seats", "不作预告的会议不能接受公众报名，请将名额设为0或选择预告"));
			}
			if (invited.isEmpty()) {
				problems.add(new FieldProblem("invited", "开放报名的，请选择邀请列席的人员类别"));
			}
			if (deadline == null && Texts.trimToNull(d.applyDeadline()) == null) {
				problems.add(new FieldProblem("applyDeadline", "开放报名的，请填写报名截止时间"));
			}
		}
		if (deadline != null && starts != null && !deadline.isBefore(starts)) {
			problems.add(new FieldProblem("applyDeadline", "报名截止时间应早于会议开始时间"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Parsed(title, type, starts, place, live, invited, seats, deadline);
	}

	/** {@code yyyy-MM-ddTHH:mm[:ss]} in China time, or an ISO instant with an offset; null when empty or malformed. */
	static Instant instant(String value) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeParseException e) {
			// a local time, read in China time
		}
		try {
			LocalDateTime t = LocalDateTime.parse(v.replace(' ', 'T'));
			if (t.getYear() < 2000 || t.getYear() > 2100) {
				return null;
			}
			return t.atZone(Zones.CHINA).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static Meeting with(Meeting m, MeetingStatus status, Instant publishedAt, String withdrawnReason, Instant withdrawnAt,
			Instant outcomeAt, Instant now) {
		return new Meeting(m.id(), m.agencyId(), m.title(), m.type(), m.startsAt(), m.meetingDate(), m.place(), m.advanceNotice(),
				m.liveUrl(), m.invited(), m.seats(), m.approvedCount(), m.applyDeadline(), status, publishedAt, withdrawnReason,
				withdrawnAt, outcomeAt, m.contactsErased(), m.version(), m.createdAt(), now);
	}

	private Meeting lock(long id) {
		return meetings.lock(id).orElseThrow(() -> DomainException.notFound("没有找到这个会议"));
	}

	/** Tells the portal when the meeting's public page may have changed. */
	private void publicChange(Meeting m) {
		if (m.status() == MeetingStatus.PUBLISHED) {
			events.publishEvent(new PublicMeetingChanged(m.id(), m.agencyId(), MeetingRules.isPublic(m, clock.instant())));
		}
	}

	static DomainException meetingNotFound() {
		return DomainException.notFound("该会议不存在或未公开");
	}

	private String newCode() {
		for (int attempt = 0; attempt < 10; attempt++) {
			StringBuilder sb = new StringBuilder("LX");
			for (int i = 0; i < 10; i++) {
				sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
			}
			if (!meetings.codeExists(sb.toString())) {
				return sb.toString();
			}
		}
		throw new IllegalStateException("could not draw a free tracking code");
	}

	static String normaliseCode(String code) {
		String c = Texts.trimToNull(code);
		return c == null ? null : c.toUpperCase(Locale.ROOT);
	}

	private static String abbreviate(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	private void audit(Actor actor, long agencyId, long id, String action, String summary) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "Meeting", id, summary, null, null));
	}
}
