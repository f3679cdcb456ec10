package org.gongkai.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.identity.StaffDirectory;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.AfterTransaction;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's training records: the yearly plan with its planned sessions, the sessions held with attendance from the
 * agency's staff list (plus external attendees by name) and their materials. The agency's administrators and editors
 * keep them; supervisors of the subtree, approvers and reviewers read them.
 */
@Service
@Transactional
public class TrainingManagement {

	/** Who keeps an agency's training records. */
	static final Role[] EDITORS = { Role.AGENCY_ADMIN, Role.EDITOR };

	/** Who reads them. */
	static final Role[] READERS = { Role.AGENCY_ADMIN, Role.EDITOR, Role.SUPERVISOR, Role.APPROVER, Role.REVIEWER };

	static final long MAX_MATERIAL_BYTES = 20L * 1024 * 1024;

	/** Whether a staff member attended, was absent (with a reason) or was not required. */
	public enum Presence {
		PRESENT("出席"), ABSENT("缺席"), NOT_REQUIRED("不参加");

		private final String label;

		Presence(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public String code() {
			return name();
		}
	}

	public record PlanInput(String title, Integer plannedSessions, String content) {
	}

	public record ItemInput(Integer month, String topic, List<TrainingAudience> audiences, TrainingMethod method, String requiredAttendees) {
	}

	public record StaffPresence(long accountId, Presence presence, String reason) {
	}

	public record SessionInput(Long planItemId, LocalDate heldOn, String topic, String speakers, String place, TrainingMethod method,
			String summary, List<StaffPresence> staff, List<String> externalAttendees) {
	}

	private final TrainingRecords records;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final StaffDirectory staff;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int minSessions;

	TrainingManagement(TrainingRecords records, AgencyAccess access, AgencyDirectory agencies, StaffDirectory staff, FileStore files,
			ApplicationEventPublisher events, Clock clock,
			@Value("${gongkai.oversight.training.min-sessions:" + TrainingRules.DEFAULT_MIN_SESSIONS + "}") int minSessions) {
		this.records = records;
		this.access = access;
		this.agencies = agencies;
		this.staff = staff;
		this.files = files;
		this.events = events;
		this.clock = clock;
		this.minSessions = Math.max(1, minSessions);
	}

	/** The configured minimum number of sessions a year. */
	public int minSessions() {
		return minSessions;
	}

	public boolean mayEdit(Actor actor, long agencyId) {
		return !actor.token() && access.allows(actor, agencyId, EDITORS);
	}

	// ---- the plan ------------------------------------------------------------------------------------------

	/** Creates or changes the agency's plan of {@code year}. */
	public TrainingPlan savePlan(long agencyId, int year, PlanInput in) {
		Actor actor = access.require(agencyId, EDITORS);
		Agency agency = agencies.requireById(agencyId);
		List<FieldProblem> problems = new ArrayList<>();
		if (year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "年度不正确"));
		}
		String title = Texts.trimToNull(in.title());
		if (title == null) {
			title = agency.name() + year + "年度政务公开培训计划";
		}
		else if (title.length() > 200) {
			problems.add(new FieldProblem("title", "计划名称不能超过200字"));
		}
		if (in.plannedSessions() == null) {
			problems.add(new FieldProblem("plannedSessions", "请填写计划培训次数"));
		}
		else if (in.plannedSessions() < minSessions) {
			problems.add(new FieldProblem("plannedSessions", "每年至少安排" + minSessions + "次政务公开培训"));
		}
		else if (in.plannedSessions() > 50) {
			problems.add(new FieldProblem("plannedSessions", "计划培训次数不能超过50次"));
		}
		String content = Texts.trimToNull(in.content());
		if (content != null && content.length() > 20000) {
			problems.add(new FieldProblem("content", "计划内容不能超过20000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		TrainingPlan existing = records.plan(agencyId, year).orElse(null);
		long id;
		if (existing == null) {
			id = records.insertPlan(agencyId, year, title, in.plannedSessions(), content, actor.username(), now);
		}
		else {
			id = existing.id();
			records.updatePlan(id, title, in.plannedSessions(), content, now);
		}
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, existing == null ? "training.plan-created" : "training.plan-changed",
				"TrainingPlan", id, (existing == null ? "制定" : "修改") + year + "年度培训计划（计划" + in.plannedSessions() + "次）",
				existing == null ? null : String.valueOf(existing.plannedSessions()), String.valueOf(in.plannedSessions())));
		return records.planById(id).orElseThrow();
	}

	/** Adds a planned session to a plan. */
	public TrainingPlan.Item addItem(long planId, ItemInput in) {
		TrainingPlan plan = records.planById(planId).orElseThrow(() -> DomainException.notFound("该培训计划不存在"));
		Actor actor = access.require(plan.agencyId(), EDITORS);
		String topic = validate(in);
		long id = records.insertItem(planId, in.month(), topic, in.audiences(), in.method(), Texts.trimToNull(in.requiredAttendees()));
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), plan.agencyId(), "training.plan-item-added", "TrainingPlan", planId,
				"培训计划增加" + in.month() + "月：" + topic, null, null));
		return records.item(id).orElseThrow();
	}

	/** Removes a planned session no session record refers to. */
	public void removeItem(long itemId) {
		TrainingPlan.Item item = records.item(itemId).orElseThrow(() -> DomainException.notFound("该计划场次不存在"));
		TrainingPlan plan = records.planById(item.planId()).orElseThrow();
		Actor actor = access.require(plan.agencyId(), EDITORS);
		if (records.itemUsed(itemId)) {
			throw new DomainException("该计划场次已有培训记录，不能删除");
		}
		records.deleteItem(itemId);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), plan.agencyId(), "training.plan-item-removed", "TrainingPlan",
				plan.id(), "培训计划删除" + item.month() + "月：" + item.topic(), null, null));
	}

	private static String validate(ItemInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		if (in.month() == null || in.month() < 1 || in.month() > 12) {
			problems.add(new FieldProblem("month", "请选择计划月份"));
		}
		String topic = Texts.trimToNull(in.topic());
		if (topic == null) {
			problems.add(new FieldProblem("topic", "请填写培训内容"));
		}
		else if (topic.length() > 300) {
			problems.add(new FieldProblem("topic", "培训内容不能超过300字"));
		}
		if (in.audiences() == null || in.audiences().isEmpty()) {
			problems.add(new FieldProblem("audiences", "请选择参训对象"));
		}
		if (in.method() == null) {
			problems.add(new FieldProblem("method", "请选择培训方式"));
		}
		String required = Texts.trimToNull(in.requiredAttendees());
		if (required != null && required.length() > 1000) {
			problems.add(new FieldProblem("requiredAttendees", "应参训人员不能超过1000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return topic;
	}

	// ---- sessions ------------------------------------------------------------------------------------------

	/** Records a session held, with its attendance list. */
	public TrainingSession recordSession(long agencyId, SessionInput in) {
		Actor actor = access.require(agencyId, EDITORS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		List<FieldProblem> problems = new ArrayList<>();
		if (in.heldOn() == null) {
			problems.add(new FieldProblem("heldOn", "请填写培训日期"));
		}
		else if (in.heldOn().isAfter(today)) {
			problems.add(new FieldProblem("heldOn", "培训日期不能晚于今天：培训举办后再登记"));
		}
		String topic = Texts.trimToNull(in.topic());
		if (topic == null) {
			problems.add(new FieldProblem("topic", "请填写培训内容"));
		}
		else if (topic.length() > 300) {
			problems.add(new FieldProblem("topic", "培训内容不能超过300字"));
		}
		String speakers = Texts.trimToNull(in.speakers());
		if (speakers == null) {
			problems.add(new FieldProblem("speakers", "请填写主讲人"));
		}
		else if (speakers.length() > 300) {
			problems.add(new FieldProblem("speakers", "主讲人不能超过300字"));
		}
		String place = Texts.trimToNull(in.place());
		if (place != null && place.length() > 200) {
			problems.add(new FieldProblem("place", "培训地点不能超过200字"));
		}
		if (in.method() == null) {
			problems.add(new FieldProblem("method", "请选择培训方式"));
		}
		String summary = Texts.trimToNull(in.summary());
		if (summary != null && summary.length() > 10000) {
			problems.add(new FieldProblem("summary", "培训情况不能超过10000字"));
		}
		if (in.planItemId() != null) {
			TrainingPlan.Item item = records.item(in.planItemId()).orElse(null);
			TrainingPlan plan = item == null ? null : records.planById(item.planId()).orElse(null);
			if (plan == null || plan.agencyId() != agencyId) {
				problems.add(new FieldProblem("planItem", "所选计划场次不属于本单位"));
			}
			else if (in.heldOn() != null && plan.year() != in.heldOn().getYear()) {
				problems.add(new FieldProblem("planItem", "所选计划场次属于" + plan.year() + "年度计划，与培训日期的年度不一致"));
			}
		}
		Map<Long, StaffDirectory.Member> members = staff.accountsOf(agencyId).stream()
			.collect(Collectors.toMap(StaffDirectory.Member::accountId, Function.identity()));
		Set<Long> seen = new HashSet<>();
		int present = 0;
		for (StaffPresence p : in.staff() == null ? List.<StaffPresence>of() : in.staff()) {
			if (!members.containsKey(p.accountId())) {
				problems.add(new FieldProblem("attendance", "参训人员只能从本单位工作人员名单中选择"));
				break;
			}
			if (!seen.add(p.accountId())) {
				problems.add(new FieldProblem("attendance", "同一工作人员只能登记一次"));
				break;
			}
			if (p.presence() == Presence.ABSENT && Texts.trimToNull(p.reason()) == null) {
				problems.add(new FieldProblem("reason-" + p.accountId(), members.get(p.accountId()).displayName() + "缺席，请填写缺席原因"));
			}
			if (p.reason() != null && p.reason().length() > 300) {
				problems.add(new FieldProblem("reason-" + p.accountId(), "缺席原因不能超过300字"));
			}
			if (p.presence() == Presence.PRESENT) {
				present++;
			}
		}
		List<String> externals = new ArrayList<>();
		for (String name : in.externalAttendees() == null ? List.<String>of() : in.externalAttendees()) {
			String n = Texts.trimToNull(name);
			if (n == null) {
				continue;
			}
			if (n.length() > 100) {
				problems.add(new FieldProblem("externalAttendees", "单位外参训人员每人不能超过100字"));
				break;
			}
			externals.add(n);
		}
		if (problems.isEmpty() && present + externals.size() == 0) {
			problems.add(new FieldProblem("attendance", "请登记出席人员"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		long id = records.insertSession(agencyId, in.planItemId(), in.heldOn(), topic, speakers, place, in.method(), summary,
				actor.username(), now);
		for (StaffPresence p : in.staff() == null ? List.<StaffPresence>of() : in.staff()) {
			if (p.presence() == Presence.NOT_REQUIRED || p.presence() == null) {
				continue;
			}
			records.insertAttendance(id, p.accountId(), null, members.get(p.accountId()).displayName(), p.presence() == Presence.PRESENT,
					p.presence() == Presence.ABSENT ? Texts.trimToNull(p.reason()) : null);
		}
		for (String n : externals) {
			records.insertAttendance(id, null, n, n, true, null);
		}
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "training.session-recorded", "TrainingSession", id,
				"登记培训：" + in.heldOn() + " " + topic + "（出席" + (present + externals.size()) + "人）", null, null));
		return records.session(id).orElseThrow();
	}

	/** Adds a material (PDF, Word, PowerPoint, Excel or an image, at most 20 MB) to a session. */
	public TrainingSession.Material attach(long sessionId, String fileName, byte[] content) {
		TrainingSession s = records.session(sessionId).orElseThrow(() -> DomainException.notFound("该培训记录不存在"));
		Actor actor = access.require(s.agencyId(), EDITORS);
		String type = verify(fileName, content);
		String key = files.put(content, fileName.trim());
		AfterTransaction.rollback(() -> files.delete(key));
		Instant now = clock.instant();
		long id = records.insertMaterial(sessionId, fileName.trim(), type, content.length, key, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, s.agencyId(), "training.material-added", "TrainingSession", sessionId,
				"培训资料：" + fileName.trim(), null, null));
		return records.materials(sessionId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
	}

	/** A material's bytes for the readers of the agency's training records. */
	@Transactional(readOnly = true)
	public Download download(long sessionId, long materialId) {
		TrainingSession s = records.session(sessionId).orElseThrow(() -> DomainException.notFound("该培训记录不存在"));
		access.require(s.agencyId(), READERS);
		TrainingSession.Material m = records.materials(sessionId).stream().filter(x -> x.id() == materialId).findFirst()
			.orElseThrow(() -> DomainException.notFound("该培训资料不存在"));
		byte[] bytes = files.get(m.storageKey()).orElseThrow(() -> DomainException.notFound("该培训资料的文件已不存在"));
		return new Download(m.fileName(), m.contentType(), bytes);
	}

	public record Download(String fileName, String contentType, byte[] content) {
	}

	/** The content type of an accepted material; refuses other files with a Chinese message. */
	static String verify(String fileName, byte[] content) {
		if (fileName == null || fileName.isBlank() || content == null || content.length == 0) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		if (fileName.trim().length() > 200) {
			throw InvalidInputException.of("file", "文件名不能超过200字");
		}
		if (content.length > MAX_MATERIAL_BYTES) {
			throw InvalidInputException.of("file", "文件不能超过20MB");
		}
		int dot = fileName.lastIndexOf('.');
		String ext = dot < 0 ? "" : fileName.substring(dot + 1).trim().toLowerCase(Locale.ROOT);
		boolean zip = starts(content, 'P', 'K', 3, 4);
		boolean ole = starts(content, 0xD0, 0xCF, 0x11, 0xE0);
		String type = switch (ext) {
			case "pdf" -> starts(content, '%', 'P', 'D', 'F') ? "application/pdf" : null;
			case "docx" -> zip ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
			case "pptx" -> zip ? "application/vnd.openxmlformats-officedocument.presentationml.presentation" : null;
			case "xlsx" -> zip ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
			case "doc" -> ole ? "application/msword" : null;
			case "ppt" -> ole ? "application/vnd.ms-powerpoint" : null;
			case "xls" -> ole ? "application/vnd.ms-excel" : null;
			case "png" -> starts(content, 0x89, 'P', 'N', 'G') ? "image/png" : null;
			case "jpg", "jpeg" -> starts(content, 0xFF, 0xD8, 0xFF) ? "image/jpeg" : null;
			default -> throw InvalidInputException.of("file", "只能上传 PDF、Word、PowerPoint、Excel、JPG 或 PNG 文件");
		};
		if (type == null) {
			throw InvalidInputException.of("file", "“" + fileName.trim() + "”的内容与扩展名不符，请检查文件是否损坏或被改名");
		}
		return type;
	}

	private static boolean starts(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
