package org.gongkai.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.participation.MajorDecision.Catalog;
import org.gongkai.participation.MajorDecision.ChangeKind;
import org.gongkai.participation.MajorDecision.Document;
import org.gongkai.participation.MajorDecision.Method;
import org.gongkai.participation.MajorDecision.StageRecord;
import org.gongkai.participation.MajorDecision.Status;
import org.gongkai.participation.MajorDecisionStage.MeetingForm;
import org.gongkai.participation.MajorDecisionStage.Outcome;
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
 * The major-decision catalogue (重大行政决策事项目录), one intention-named step at a time: add and edit an item,
 * publish a year's catalogue as a whole, record each procedure stage in the order {@link MajorDecisionRules} lays
 * down, mark the item decided with its decision document, record execution progress and the post-evaluation, and
 * adjust the catalogue (suspend, resume, remove with a reason). Editors and administrators of the agency act, or the
 * agency's integration token with the {@code participation} scope; every step validates before it writes, is audited
 * and, when the portal changes, announced with {@link PublicMajorDecisionChanged}.
 */
@Service
@Transactional
public class MajorDecisionManagement {

	/** Who keeps an agency's catalogue. */
	static final Role[] STAFF = { Role.EDITOR, Role.AGENCY_ADMIN };

	/** Who may look at an agency's catalogue in the console. */
	static final Role[] READERS = { Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER, Role.SUPERVISOR };

	static final String SCOPE = "participation";

	/** Largest attachment. */
	static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

	static final Set<String> FILE_TYPES = Set.of("pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "jpg", "jpeg", "png");

	/** An item as staff enter it. */
	public record ItemInput(String title, String summary, String unit, String unitOffice, Integer planMonth, Integer planQuarter,
			List<Method> methods, String otherMethod, boolean expertRequired, boolean riskRequired, boolean participationExempt,
			String exemptReason) {
	}

	/** A stage as staff record it; {@code isPublic} null takes the stage's default (a legality review is not public). */
	public record StageInput(MajorDecisionStage stage, LocalDate completedOn, String summary, Boolean isPublic, Outcome outcome,
			MeetingForm meetingForm) {
	}

	/** A document to attach: a link ({@code url}) or a file ({@code fileName} with {@code content}). */
	public record NewDocument(String title, String url, String fileName, byte[] content) {

		boolean empty() {
			return Texts.trimToNull(title) == null && Texts.trimToNull(url) == null && (content == null || content.length == 0);
		}
	}

	private final MajorDecisions store;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MajorDecisionManagement(MajorDecisions store, AgencyDirectory agencies, AgencyAccess access, FileStore files,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.agencies = agencies;
		this.access = access;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	// ---- the catalogue -------------------------------------------------------------------------------------

	/**
	 * Adds an item to the agency's catalogue of the year (created as a draft when missing). An item added to a published
	 * catalogue is an adjustment (Art. 3 ¶3): public at once and listed in the change history with {@code reason}.
	 */
	public MajorDecision add(long agencyId, Integer year, ItemInput in, String reason) {
		Actor actor = requireStaff(activeAgency(agencyId).id());
		List<FieldProblem> problems = new ArrayList<>();
		if (year == null || year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "请填写目录年度（2000至2100）"));
		}
		String why = optional(problems, "reason", reason, 1000, "调整说明");
		Item item = validate(problems, in, year == null ? 2000 : year);
		throwIfAny(problems);
		Instant now = clock.instant();
		Catalog c = store.lockCatalog(agencyId, year, actor.username(), now);
		boolean late = c.published();
		MajorDecision d = new MajorDecision(0, c.id(), agencyId, year, store.nextSeq(c.id()), item.title, item.summary,
				item.unit.id(), item.office, in.planMonth(), in.planQuarter(), item.methods, item.other, in.expertRequired(),
				in.riskRequired(), in.participationExempt(), item.exempt, Status.NOT_STARTED, null, late, null, null, null, null,
				null, null, null, null, null, null, null, 0, actor.username(), now, now);
		long id = store.insert(d);
		audit(actor, agencyId, "decision.added", id, "重大决策事项：" + item.title + "（" + year + "年目录）", null,
				Status.NOT_STARTED.label());
		if (late) {
			store.insertChange(c.id(), id, ChangeKind.ADDED, item.title, why, null, today(), now, actor.username());
			store.touchCatalog(c.id(), now);
			events.publishEvent(new PublicMajorDecisionChanged(id, agencyId, true));
		}
		return store.find(id).orElseThrow();
	}

	/** Changes an item's entry while it is not decided or removed; see {@link #edit(long, ItemInput, String)}. */
	public MajorDecision edit(long id, ItemInput in) {
		return edit(id, in, null);
	}

	/**
	 * Changes an item's entry while it is not decided or removed. Once a legality review is recorded the stages the item
	 * requires (expert argument, risk assessment, public participation or its exemption) are fixed: the review examined
	 * the draft with them (Art. 26). An item of a published catalogue is changed in public, so the change is an
	 * adjustment (Art. 3 ¶3): {@code reason} is required and the change history lists what changed, before and after.
	 */
	public MajorDecision edit(long id, ItemInput in, String reason) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (d.status() == Status.DECIDED || d.status() == Status.REMOVED) {
			throw new DomainException("“" + d.status().label() + "”的决策事项不能再修改");
		}
		Catalog c = store.lockCatalog(d.catalogId()).orElseThrow();
		List<FieldProblem> problems = new ArrayList<>();
		Item item = validate(problems, in, d.year());
		String why = optional(problems, "reason", reason, 1000, "调整说明");
		throwIfAny(problems);
		if (in.expertRequired() != d.expertRequired() || in.riskRequired() != d.riskRequired()
				|| in.participationExempt() != d.participationExempt()) {
			if (MajorDecisionRules.latest(store.stages(id), MajorDecisionStage.LEGALITY_REVIEW).isPresent()) {
				throw new DomainException("已进行合法性审查的决策事项，不能再修改是否需要专家论证、风险评估或公众参与；合法性审查以这些程序为必要条件（"
						+ MajorDecisionRules.LAW + "第二十六条）");
			}
		}
		MajorDecision changed = new MajorDecision(d.id(), d.catalogId(), d.agencyId(), d.year(), d.seq(), item.title, item.summary,
				item.unit.id(), item.office, in.planMonth(), in.planQuarter(), item.methods, item.other, in.expertRequired(),
				in.riskRequired(), in.participationExempt(), item.exempt, d.status(), d.statusReason(), d.addedLate(),
				d.decisionTitle(), d.decisionNumber(), d.decidedOn(), d.decisionUrl(), d.decisionFileKey(), d.decisionFileName(),
				d.evaluatedOn(), d.evaluationSummary(), d.evaluationUrl(), d.evaluationFileKey(), d.evaluationFileName(),
				d.version(), d.createdBy(), d.createdAt(), d.updatedAt());
		List<String> differences = differences(d, changed);
		if (c.published() && !differences.isEmpty() && why == null) {
			throw InvalidInputException.of("reason", "本年度目录已公布，修改事项是目录调整，请填写调整说明");
		}
		Instant now = clock.instant();
		store.update(changed, now);
		if (c.published() && !differences.isEmpty()) {
			store.insertChange(c.id(), id, ChangeKind.ADJUSTED, item.title, why, String.join("；", differences), today(), now,
					actor.username());
			store.touchCatalog(c.id(), now);
		}
		return changed(actor, d, "decision.edited", "修改重大决策事项", d.title(), item.title);
	}

	/** What an edit changes in the public entry, as 「label：before → after」. */
	private List<String> differences(MajorDecision before, MajorDecision after) {
		List<String> out = new ArrayList<>();
		difference(out, "决策事项名称", before.title(), after.title());
		if (!before.summary().equals(after.summary())) {
			out.add("主要内容：已修改");
		}
		difference(out, "承办单位", unitLabel(before), unitLabel(after));
		difference(out, "计划决策时间", before.plannedLabel(), after.plannedLabel());
		difference(out, "公众参与方式", before.methodsLabel(), after.methodsLabel());
		difference(out, "专家论证", before.expertRequired() ? "需要" : "不需要", after.expertRequired() ? "需要" : "不需要");
		difference(out, "风险评估", before.riskRequired() ? "需要" : "不需要", after.riskRequired() ? "需要" : "不需要");
		difference(out, "不进行公众参与的理由", before.exemptReason() == null ? "无" : before.exemptReason(),
				after.exemptReason() == null ? "无" : after.exemptReason());
		return out;
	}

	private static void difference(List<String> out, String label, String before, String after) {
		if (!java.util.Objects.equals(before, after)) {
			out.add(label + "：" + before + " → " + after);
		}
	}

	private String unitLabel(MajorDecision d) {
		String unit = agencies.findById(d.unitAgencyId()).map(Agency::name).orElse("—");
		return d.unitOffice() == null ? unit : unit + "（" + d.unitOffice() + "）";
	}

	/**
	 * Publishes the agency's catalogue of the year as a whole (Art. 3 ¶3) with the publication date and the approval
	 * note (经同级党委同意); from then on its items are public and every adjustment is in its change history.
	 */
	public Catalog publish(long agencyId, Integer year, LocalDate publishedOn, String approvalNote) {
		Actor actor = requireStaff(activeAgency(agencyId).id());
		List<FieldProblem> problems = new ArrayList<>();
		if (year == null || year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "请填写目录年度（2000至2100）"));
		}
		String note = required(problems, "approvalNote", approvalNote, 500, "审定情况（如：经县委同意）");
		LocalDate on = publishedOn == null ? today() : publishedOn;
		if (on.isAfter(today())) {
			problems.add(new FieldProblem("publishedOn", "公布日期不能晚于今天"));
		}
		throwIfAny(problems);
		Catalog c = store.catalog(agencyId, year).orElseThrow(() -> new DomainException(year + "年度目录还没有决策事项，不能公布"));
		c = store.lockCatalog(c.id()).orElseThrow();
		if (c.published()) {
			throw new DomainException(year + "年度重大行政决策事项目录已公布；如需调整，请增加事项或调出目录");
		}
		List<MajorDecision> items = store.items(c.id()).stream().filter(d -> d.status() != Status.REMOVED).toList();
		if (items.isEmpty()) {
			throw new DomainException(year + "年度目录还没有决策事项，不能公布");
		}
		Instant now = clock.instant();
		store.publishCatalog(c.id(), on, note, now);
		store.insertChange(c.id(), null, ChangeKind.PUBLISHED, year + "年度重大行政决策事项目录", note, null, on, now,
				actor.username());
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "decision.catalog-published", "MajorDecisionCatalog", c.id(),
				"公布" + year + "年度重大行政决策事项目录（" + items.size() + "项）", "未公布", "已公布"));
		for (MajorDecision d : items) {
			events.publishEvent(new PublicMajorDecisionChanged(d.id(), agencyId, true));
		}
		return store.catalog(c.id()).orElseThrow();
	}

	// ---- the procedure -------------------------------------------------------------------------------------

	/** Records a procedure stage with its documents, in the order of {@link MajorDecisionRules}. */
	public StageRecord recordStage(long id, StageInput in, List<NewDocument> documents) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (in == null || in.stage() == null) {
			throw InvalidInputException.of("stage", "请选择决策程序环节");
		}
		List<StageRecord> done = store.stages(id);
		MajorDecisionRules.refuseStage(d, in.stage(), done).ifPresent(msg -> {
			throw new DomainException(msg);
		});
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = in.completedOn();
		if (on == null) {
			problems.add(new FieldProblem("completedOn", "请填写完成日期"));
		}
		else if (on.isAfter(today())) {
			problems.add(new FieldProblem("completedOn", "完成日期不能晚于今天"));
		}
		else if (in.stage() == MajorDecisionStage.LEGALITY_REVIEW || in.stage() == MajorDecisionStage.COLLECTIVE_DISCUSSION) {
			List<MajorDecisionStage> before = new ArrayList<>();
			if (in.stage() == MajorDecisionStage.LEGALITY_REVIEW) {
				// a new review follows the required stages and any discussion of the earlier draft
				before.addAll(MajorDecisionRules.requiredBeforeReview(d));
				before.add(MajorDecisionStage.COLLECTIVE_DISCUSSION);
			}
			else {
				before.add(MajorDecisionStage.LEGALITY_REVIEW);
			}
			for (MajorDecisionStage s : before) {
				MajorDecisionRules.latest(done, s).filter(r -> on.isBefore(r.completedOn())).ifPresent(r -> problems.add(
						new FieldProblem("completedOn", in.stage().label() + "的完成日期不能早于" + s.label() + "（" + r.completedOn() + "）")));
			}
		}
		String summary = optional(problems, "summary", in.summary(), 4000, "情况说明");
		Outcome outcome = in.outcome();
		MeetingForm form = in.meetingForm();
		if (in.stage() == MajorDecisionStage.LEGALITY_REVIEW || in.stage() == MajorDecisionStage.COLLECTIVE_DISCUSSION) {
			if (outcome == null || outcome.stage() != in.stage()) {
				problems.add(new FieldProblem("outcome", in.stage() == MajorDecisionStage.LEGALITY_REVIEW ? "请选择审查意见：合法或不合法"
						: "请选择讨论结果：通过、原则通过、不通过或暂缓"));
			}
		}
		else {
			outcome = null;
		}
		if (in.stage() == MajorDecisionStage.COLLECTIVE_DISCUSSION) {
			if (form == null) {
				problems.add(new FieldProblem("meetingForm", "请选择会议形式：常务会议、全体会议或其他会议"));
			}
		}
		else {
			form = null;
		}
		List<NewDocument> docs = documents(problems, documents);
		throwIfAny(problems);
		boolean isPublic = in.isPublic() != null ? in.isPublic() : in.stage() != MajorDecisionStage.LEGALITY_REVIEW;
		Instant now = clock.instant();
		long stageId = store.insertStage(new StageRecord(0, id, in.stage(), on, summary, isPublic, outcome, form, actor.username(),
				now, List.of()));
		for (NewDocument doc : docs) {
			store.insertDocument(stored(id, stageId, doc));
		}
		if (d.status() == Status.NOT_STARTED) {
			store.setStatus(id, Status.IN_PROGRESS, null, now);
		}
		changed(actor, d, "decision.stage-recorded",
				"登记" + in.stage().label() + (outcome != null ? "（" + outcome.label() + "）" : ""), null, in.stage().label());
		return store.stages(id).stream().filter(s -> s.id() == stageId).findFirst().orElseThrow();
	}

	/**
	 * Marks the item decided with its decision document (Art. 32: published): only after a lawful legality review and a
	 * collective discussion that adopted the draft; a missing stage is a 409 naming it.
	 */
	public MajorDecision take(long id, String title, String number, LocalDate decidedOn, String url, String fileName,
			byte[] content) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		List<StageRecord> done = store.stages(id);
		MajorDecisionRules.refuseTake(d, done).ifPresent(msg -> {
			throw new DomainException(msg);
		});
		List<FieldProblem> problems = new ArrayList<>();
		String t = required(problems, "decisionTitle", title, 300, "决策文件标题");
		String n = optional(problems, "decisionNumber", number, 100, "文号");
		if (decidedOn == null) {
			problems.add(new FieldProblem("decidedOn", "请填写决策日期"));
		}
		else if (decidedOn.isAfter(today())) {
			problems.add(new FieldProblem("decidedOn", "决策日期不能晚于今天"));
		}
		else {
			MajorDecisionRules.latest(done, MajorDecisionStage.COLLECTIVE_DISCUSSION)
				.filter(r -> decidedOn.isBefore(r.completedOn()))
				.ifPresent(r -> problems.add(new FieldProblem("decidedOn", "决策日期不能早于集体讨论决定的日期（" + r.completedOn() + "）")));
		}
		NewDocument doc = document(problems, "decisionUrl", "decisionFile", new NewDocument(t == null ? "决策文件" : t, url, fileName,
				content), true);
		throwIfAny(problems);
		String key = storeFile(doc);
		Instant now = clock.instant();
		store.setDecision(id, t, n, decidedOn, Texts.trimToNull(doc.url()), key, key == null ? null : fileName.strip(), now);
		catalogChange(actor, d, ChangeKind.DECIDED, null, now);
		return changed(actor, d, "decision.taken", "作出决策并公开决策文件" + (n != null ? "（" + n + "）" : ""), d.status().label(),
				Status.DECIDED.label());
	}

	/** Records an entry of the execution progress of a decided item (Arts. 34–35); public. */
	public MajorDecision addProgress(long id, LocalDate on, String content) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (d.status() != Status.DECIDED) {
			throw new DomainException("作出决策后才能登记执行情况");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (on == null) {
			problems.add(new FieldProblem("progressOn", "请填写日期"));
		}
		else if (on.isAfter(today())) {
			problems.add(new FieldProblem("progressOn", "日期不能晚于今天"));
		}
		String text = required(problems, "content", content, 4000, "执行情况");
		throwIfAny(problems);
		store.insertProgress(id, on, text, actor.username(), clock.instant());
		return changed(actor, d, "decision.progress-recorded", "登记决策执行情况", null, on.toString());
	}

	/** Records the post-evaluation of a decided item (Art. 36) with its report summary and a link or file; public. */
	public MajorDecision evaluate(long id, LocalDate on, String summary, String url, String fileName, byte[] content) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (d.status() != Status.DECIDED) {
			throw new DomainException("作出决策后才能登记决策后评估");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (on == null) {
			problems.add(new FieldProblem("evaluatedOn", "请填写评估日期"));
		}
		else if (on.isAfter(today())) {
			problems.add(new FieldProblem("evaluatedOn", "评估日期不能晚于今天"));
		}
		else if (d.decidedOn() != null && on.isBefore(d.decidedOn())) {
			problems.add(new FieldProblem("evaluatedOn", "评估日期不能早于决策日期"));
		}
		String text = required(problems, "evaluationSummary", summary, 4000, "评估报告摘要");
		NewDocument doc = document(problems, "evaluationUrl", "evaluationFile", new NewDocument("决策后评估报告", url, fileName, content),
				false);
		throwIfAny(problems);
		String key = storeFile(doc);
		String oldKey = d.evaluationFileKey();
		store.setEvaluation(id, on, text, Texts.trimToNull(doc.url()), key, key == null ? null : fileName.strip(), clock.instant());
		if (oldKey != null) {
			AfterTransaction.commit(() -> files.delete(oldKey));
		}
		return changed(actor, d, "decision.evaluated", "登记决策后评估", null, on.toString());
	}

	/** Suspends an item (已暂缓) with a reason; the change history shows it. */
	public MajorDecision suspend(long id, String reason) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (!d.status().open()) {
			throw new DomainException("“" + d.status().label() + "”的决策事项不能暂缓");
		}
		String why = requiredReason(reason, "暂缓的理由");
		store.setStatus(id, Status.SUSPENDED, why, clock.instant());
		catalogChange(actor, d, ChangeKind.SUSPENDED, why, clock.instant());
		return changed(actor, d, "decision.suspended", "暂缓推进：" + why, d.status().label(), Status.SUSPENDED.label());
	}

	/** Resumes a suspended item. */
	public MajorDecision resume(long id) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (d.status() != Status.SUSPENDED) {
			throw new DomainException("只有已暂缓的决策事项可以恢复推进");
		}
		Status back = store.stages(id).isEmpty() ? Status.NOT_STARTED : Status.IN_PROGRESS;
		store.setStatus(id, back, null, clock.instant());
		catalogChange(actor, d, ChangeKind.RESUMED, null, clock.instant());
		return changed(actor, d, "decision.resumed", "恢复推进", d.status().label(), back.label());
	}

	/**
	 * Takes an undecided item out of the catalogue (调出目录, Art. 3 ¶3) with a reason. From a published catalogue it
	 * stays listed as removed and the change history shows the reason; from a catalogue not yet published it was never
	 * public, so it is deleted with its stages and documents (their files once the transaction commits) and the items
	 * after it move up.
	 *
	 * @return the item as listed now, or empty when it was deleted from an unpublished catalogue
	 */
	public Optional<MajorDecision> remove(long id, String reason) {
		MajorDecision d = lock(id);
		Actor actor = requireStaff(d.agencyId());
		if (d.status() == Status.DECIDED || d.status() == Status.REMOVED) {
			throw new DomainException("“" + d.status().label() + "”的决策事项不能调出目录");
		}
		String why = requiredReason(reason, "调出目录的理由");
		Catalog c = store.lockCatalog(d.catalogId()).orElseThrow();
		if (!c.published()) {
			List<String> keys = store.stages(id).stream().flatMap(s -> s.documents().stream()).map(Document::fileKey)
				.filter(java.util.Objects::nonNull).toList();
			store.delete(d);
			store.touchCatalog(c.id(), clock.instant());
			AfterTransaction.commit(() -> keys.forEach(files::delete));
			audit(actor, d.agencyId(), "decision.deleted", id, "从未公布的" + d.year() + "年度目录中删除重大决策事项：" + d.title() + "（" + why + "）",
					d.status().label(), "已删除");
			return Optional.empty();
		}
		store.setStatus(id, Status.REMOVED, why, clock.instant());
		catalogChange(actor, d, ChangeKind.REMOVED, why, clock.instant());
		return Optional.of(changed(actor, d, "decision.removed", "调出目录：" + why, d.status().label(), Status.REMOVED.label()));
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private record Item(String title, String summary, Agency unit, String office, List<Method> methods, String other,
			String exempt) {
	}

	private Item validate(List<FieldProblem> problems, ItemInput in, int year) {
		if (in == null) {
			problems.add(new FieldProblem("title", "请填写决策事项"));
			return new Item(null, null, null, null, List.of(), null, null);
		}
		String title = required(problems, "title", in.title(), 300, "决策事项名称");
		String summary = required(problems, "summary", in.summary(), 4000, "主要内容");
		Agency unit = null;
		String code = Texts.trimToNull(in.unit());
		if (code == null) {
			problems.add(new FieldProblem("unit", "请选择承办单位"));
		}
		else {
			unit = agencies.findByCode(code).filter(Agency::active).orElse(null);
			if (unit == null) {
				problems.add(new FieldProblem("unit", "承办单位不存在或已撤销"));
			}
		}
		String office = optional(problems, "unitOffice", in.unitOffice(), 200, "承办科室");
		if (in.planMonth() != null && in.planQuarter() != null) {
			problems.add(new FieldProblem("planMonth", "计划决策时间请填写月份或季度，只填其一"));
		}
		else if (in.planMonth() == null && in.planQuarter() == null) {
			problems.add(new FieldProblem("planMonth", "请填写计划决策的月份或季度"));
		}
		else if (in.planMonth() != null && (in.planMonth() < 1 || in.planMonth() > 12)) {
			problems.add(new FieldProblem("planMonth", "月份为1至12"));
		}
		else if (in.planQuarter() != null && (in.planQuarter() < 1 || in.planQuarter() > 4)) {
			problems.add(new FieldProblem("planQuarter", "季度为1至4"));
		}
		List<Method> methods = new ArrayList<>(new LinkedHashSet<>(in.methods() == null ? List.of()
				: in.methods().stream().filter(java.util.Objects::nonNull).toList()));
		String other = optional(problems, "otherMethod", in.otherMethod(), 200, "其他公众参与方式");
		if (methods.contains(Method.OTHER) && other == null) {
			problems.add(new FieldProblem("otherMethod", "选择“其他方式”的，请写明公众参与方式"));
		}
		if (!methods.contains(Method.OTHER)) {
			other = null;
		}
		String exempt = optional(problems, "exemptReason", in.exemptReason(), 1000, "不需要公众参与的法定理由");
		if (in.participationExempt()) {
			if (exempt == null) {
				problems.add(new FieldProblem("exemptReason", "不进行公众参与的，请写明法律依据或理由（如依法应当保密）"));
			}
		}
		else {
			exempt = null;
			if (methods.isEmpty()) {
				problems.add(new FieldProblem("methods", "请选择至少一种公众参与方式（" + MajorDecisionRules.LAW + "第十四条）"));
			}
		}
		return new Item(title, summary, unit, office, List.copyOf(methods), other, exempt);
	}

	private List<NewDocument> documents(List<FieldProblem> problems, List<NewDocument> documents) {
		List<NewDocument> out = new ArrayList<>();
		if (documents == null) {
			return out;
		}
		for (NewDocument doc : documents) {
			if (doc == null || doc.empty()) {
				continue;
			}
			out.add(document(problems, "documentUrl", "documentFile", doc, false));
			if (Texts.trimToNull(doc.title()) == null) {
				problems.add(new FieldProblem("documentTitle", "请填写材料名称"));
			}
			else if (doc.title().strip().length() > 300) {
				problems.add(new FieldProblem("documentTitle", "材料名称不超过300个字"));
			}
		}
		if (out.size() > 20) {
			problems.add(new FieldProblem("documentTitle", "每个环节最多20份材料"));
		}
		return out;
	}

	/** A link or a file, checked; {@code required}: one of them must be given. */
	private static NewDocument document(List<FieldProblem> problems, String urlField, String fileField, NewDocument doc,
			boolean required) {
		String url = Texts.trimToNull(doc.url());
		boolean file = doc.content() != null && doc.content().length > 0;
		if (url != null) {
			String u = url.toLowerCase(Locale.ROOT);
			if (!(u.startsWith("https://") || u.startsWith("http://") || (u.startsWith("/") && !u.startsWith("//")))
					|| url.length() > 1000 || url.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '<')) {
				problems.add(new FieldProblem(urlField, "链接应以 http:// 或 https:// 开头，不超过1000个字符"));
			}
		}
		if (file) {
			String name = Texts.trimToNull(doc.fileName());
			int dot = name == null ? -1 : name.lastIndexOf('.');
			String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
			if (name == null || name.length() > 200 || !FILE_TYPES.contains(ext)) {
				problems.add(new FieldProblem(fileField, "附件应为 PDF、OFD、Word、WPS、Excel 或图片文件，文件名不超过200个字符"));
			}
			else if (doc.content().length > MAX_FILE_BYTES) {
				problems.add(new FieldProblem(fileField, "附件不超过20MB"));
			}
		}
		if (required && url == null && !file) {
			problems.add(new FieldProblem(urlField, "请填写链接或上传附件"));
		}
		return new NewDocument(Texts.trimToNull(doc.title()) == null ? null : doc.title().strip(), url, doc.fileName(),
				file ? doc.content() : null);
	}

	private String storeFile(NewDocument doc) {
		if (doc.content() == null) {
			return null;
		}
		String key = files.put(doc.content(), doc.fileName().strip());
		AfterTransaction.rollback(() -> files.delete(key));
		return key;
	}

	private Document stored(long decisionId, long stageId, NewDocument doc) {
		String key = storeFile(doc);
		return new Document(0, decisionId, stageId, doc.title(), key == null ? doc.url() : null, key,
				key == null ? null : doc.fileName().strip(), key == null ? null : (long) doc.content().length);
	}

	private void catalogChange(Actor actor, MajorDecision d, ChangeKind kind, String reason, Instant now) {
		Catalog c = store.catalog(d.catalogId()).orElseThrow();
		if (c.published()) {
			store.insertChange(c.id(), d.id(), kind, d.title(), reason, null, today(), now, actor.username());
			store.touchCatalog(c.id(), now);
		}
	}

	private MajorDecision changed(Actor actor, MajorDecision before, String action, String summary, String from, String to) {
		MajorDecision after = store.find(before.id()).orElseThrow();
		audit(actor, after.agencyId(), action, after.id(), summary + "：" + after.title(), from, to);
		boolean published = store.catalog(after.catalogId()).map(Catalog::published).orElse(false);
		if (published) {
			events.publishEvent(new PublicMajorDecisionChanged(after.id(), after.agencyId(), true));
		}
		return after;
	}

	private void audit(Actor actor, long agencyId, String action, long id, String summary, String before, String after) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "MajorDecision", id, summary, before, after));
	}

	/** Staff of the agency, or the agency's integration token with the participation scope. */
	private Actor requireStaff(long agencyId) {
		Actor actor = Actors.require();
		if (actor.token()) {
			if (actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId) {
				return actor;
			}
			throw DomainException.forbidden("该令牌不能处理本单位的重大决策事项");
		}
		return access.require(agencyId, STAFF);
	}

	/** Whether the actor may change the agency's catalogue (for the console's buttons). */
	boolean mayEdit(Actor actor, long agencyId) {
		return actor.token() ? actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId
				: access.allows(actor, agencyId, STAFF);
	}

	private MajorDecision lock(long id) {
		return store.lock(id).orElseThrow(() -> DomainException.notFound("该重大决策事项不存在"));
	}

	private Agency activeAgency(long agencyId) {
		return agencies.findById(agencyId).filter(Agency::active).orElseThrow(() -> DomainException.notFound("该单位不存在或已撤销"));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static String requiredReason(String reason, String label) {
		String why = Texts.trimToNull(reason);
		if (why == null) {
			throw InvalidInputException.of("reason", "请填写" + label);
		}
		if (why.length() > 1000) {
			throw InvalidInputException.of("reason", label + "不超过1000字");
		}
		return why;
	}

	private static String required(List<FieldProblem> problems, String field, String value, int max, String label) {
		String v = Texts.trimToNull(value);
		if (v == null) {
			problems.add(new FieldProblem(field, "请填写" + label));
		}
		else if (v.length() > max) {
			problems.add(new FieldProblem(field, label + "不超过" + max + "个字"));
		}
		return v;
	}

	private static String optional(List<FieldProblem> problems, String field, String value, int max, String label) {
		String v = Texts.trimToNull(value);
		if (v != null && v.length() > max) {
			problems.add(new FieldProblem(field, label + "不超过" + max + "个字"));
		}
		return v;
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	static Optional<Integer> parseYear(String text) {
		try {
			return Optional.of(Integer.parseInt(text.trim()));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}
}
