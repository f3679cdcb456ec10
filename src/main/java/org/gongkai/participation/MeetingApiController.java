package org.gongkai.participation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The open-meeting endpoints in the style of api-contract.md: the public list and meeting (public data only: no
 * non-public agenda item, no applicant), applying to attend, and the staff steps (create a meeting with its agenda,
 * publish, withdraw, record and publish decided items, decide applications).
 */
@RestController
@Tag(name = "Meetings", description = "会议公开：会议预告、议题、列席申请、议定事项")
class MeetingApiController {

	private final MeetingManagement management;

	private final MeetingQueries queries;

	private final AgencyDirectory agencies;

	private final MeetingPortalLimits limits;

	MeetingApiController(MeetingManagement management, MeetingQueries queries, AgencyDirectory agencies,
			MeetingPortalLimits limits) {
		this.management = management;
		this.queries = queries;
		this.agencies = agencies;
		this.limits = limits;
	}

	@Schema(description = "列席申请")
	record ApplicationBody(String name,
			@Schema(description = "STAKEHOLDER | PUBLIC | EXPERT | MEDIA | NPC_DEPUTY | CPPCC_MEMBER | LEGAL_ADVISER") String category,
			String workUnit, @Schema(description = "11位手机号码") String phone,
			@Schema(description = "希望列席的议题编号") List<Long> items, String reason) {
	}

	record ItemBody(String title, String proposer, Boolean isPublic, Boolean openToApplications) {
	}

	record MeetingBody(@Schema(description = "单位代码") String agency, String title,
			@Schema(description = "PLENARY | EXECUTIVE | OFFICE | TOPICAL | OTHER") String type,
			@Schema(description = "会议时间，如 2026-12-03T09:30（北京时间）") String startsAt, String place, Boolean advanceNotice,
			@Schema(description = "直播地址（https）") String liveUrl, List<String> invited, Integer seats,
			@Schema(description = "报名截止时间") String applyDeadline, List<ItemBody> items) {
	}

	record LinkBody(@Schema(description = "decision | consultation") String kind, Long id) {
	}

	record DecidedBody(@Schema(description = "对应的公开议题编号（可选）") Long itemId, String content, List<LinkBody> links) {
	}

	record ReasonBody(String reason) {
	}

	// ---- the public ---------------------------------------------------------------------------------------

	@GetMapping("/api/v1/public/meetings")
	@Operation(summary = "公开的会议：待召开的在前，再按召开时间倒序")
	Map<String, Object> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Long agencyId = null;
		if (Texts.trimToNull(agency) != null) {
			agencyId = agencies.findByCode(agency.trim()).filter(Agency::active).map(Agency::id)
				.orElseThrow(() -> InvalidInputException.of("agency", "没有找到这个单位"));
		}
		MeetingType t = null;
		if (Texts.trimToNull(type) != null) {
			t = MeetingType.parse(type);
			if (t == null) {
				throw InvalidInputException.of("type", "会议类型应为 PLENARY、EXECUTIVE、OFFICE、TOPICAL 或 OTHER");
			}
		}
		if (year != null && (year < 2000 || year > 2100)) {
			throw InvalidInputException.of("year", "年度应在2000至2100之间");
		}
		if (page < 1) {
			throw InvalidInputException.of("page", "页码从1开始");
		}
		if (size < 1 || size > 100) {
			throw InvalidInputException.of("size", "每页条数应在1至100之间");
		}
		MeetingQueries.PublicPage found = queries.publicMeetings(agencyId, t, year, (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size), size);
		List<Map<String, Object>> items = found.lines().stream().map(MeetingApiController::line).toList();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total", found.total());
		out.put("items", items);
		return out;
	}

	@GetMapping("/api/v1/public/meetings/{id}")
	@Operation(summary = "一个公开的会议：预告、公开议题、直播、议定事项及其关联、列席情况和材料")
	Map<String, Object> one(@PathVariable long id) {
		MeetingQueries.PublicMeeting p = queries.publicMeeting(id).orElseThrow(MeetingManagement::meetingNotFound);
		Map<String, Object> out = summary(p);
		Meeting m = p.meeting();
		out.put("invited", m.invited().stream().sorted().map(Enum::name).toList());
		out.put("seats", m.seats());
		out.put("seatsLeft", MeetingRules.seatsLeft(m));
		out.put("applyDeadline", m.applyDeadline());
		out.put("liveUrl", p.live() ? m.liveUrl() : null);
		out.put("agendaItems", p.items().stream().map(i -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("id", i.id());
			x.put("title", i.title());
			x.put("proposer", i.proposer());
			x.put("openToApplications", i.openToApplications());
			return x;
		}).toList());
		out.put("nonPublicItems", p.hiddenItems());
		out.put("decidedItems", p.decided().stream().map(d -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("agendaItem", d.itemTitle());
			x.put("content", d.content());
			x.put("links", d.links().stream().map(l -> Map.of("kind", l.kind(), "id", l.id(), "title", l.title(), "url", l.path())).toList());
			return x;
		}).toList());
		Map<String, Integer> attendance = new LinkedHashMap<>();
		p.attendance().forEach((c, n) -> attendance.put(c.name(), n));
		out.put("attendance", attendance);
		out.put("materials", p.materials().stream().map(x -> {
			Map<String, Object> y = new LinkedHashMap<>();
			y.put("title", x.title());
			y.put("url", x.isFile() ? p.path() + "materials/" + x.id() : x.url());
			return y;
		}).toList());
		return out;
	}

	@PostMapping("/api/v1/public/meetings/{id}/applications")
	@Operation(summary = "申请列席会议；201 返回编号和查询码（凭查询码和手机号码后四位查询审核结果）；不接受申请或已截止 409")
	ResponseEntity<Map<String, Object>> apply(@PathVariable long id, @RequestBody(required = false) ApplicationBody body,
			HttpServletRequest request, HttpServletResponse response) {
		if (body == null) {
			throw InvalidInputException.of("name", "请提供申请内容");
		}
		OptionalLong wait = limits.application(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			throw new TooMany("提交过于频繁，请约" + MeetingPortalLimits.minutes(wait.getAsLong()) + "分钟后再试");
		}
		List<String> items = body.items() == null ? List.of() : body.items().stream().map(String::valueOf).toList();
		AttendanceApplication a = management.apply(id,
				new AttendanceSubmission(body.name(), body.category(), body.workUnit(), body.phone(), items, body.reason()));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", a.id());
		out.put("trackingCode", a.trackingCode());
		return ResponseEntity.created(URI.create(MeetingQueries.TRACK + "?code=" + a.trackingCode())).body(out);
	}

	// ---- staff --------------------------------------------------------------------------------------------

	@PostMapping("/api/v1/meetings")
	@Operation(summary = "新建会议及其议题（草稿）")
	ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) MeetingBody body) {
		if (body == null) {
			throw InvalidInputException.of("title", "请提供会议内容");
		}
		Agency agency = agencies.findByCode(Texts.trimToNull(body.agency()) == null ? "" : body.agency().trim())
			.orElseThrow(() -> InvalidInputException.of("agency", "没有找到这个单位"));
		MeetingDraft draft = new MeetingDraft(body.title(), body.type(), body.startsAt(), body.place(),
				Boolean.TRUE.equals(body.advanceNotice()), body.liveUrl(), body.invited(),
				body.seats() == null ? null : body.seats().toString(), body.applyDeadline());
		List<MeetingItemDraft> items = body.items() == null ? List.of()
				: body.items().stream().map(i -> new MeetingItemDraft(i.title(), i.proposer(), Boolean.TRUE.equals(i.isPublic()),
						Boolean.TRUE.equals(i.openToApplications()), null)).toList();
		Meeting m = management.createWithAgenda(agency.id(), draft, items);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.id())).body(staff(m));
	}

	@GetMapping("/api/v1/meetings/{id}")
	@Operation(summary = "会议（工作人员视图，含不公开的议题）")
	Map<String, Object> staffOne(@PathVariable long id) {
		return staff(queries.staffMeeting(Actors.require(), id));
	}

	@PostMapping("/api/v1/meetings/{id}/publish")
	@Operation(summary = "公开（预告）会议")
	Map<String, Object> publish(@PathVariable long id) {
		return staff(management.publish(id));
	}

	@PostMapping("/api/v1/meetings/{id}/withdraw")
	@Operation(summary = "撤回会议（须说明理由）")
	Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return staff(management.withdraw(id, body == null ? null : body.reason()));
	}

	@PostMapping("/api/v1/meetings/{id}/decided-items")
	@Operation(summary = "记录一条议定事项，可关联重大决策（decision）和意见征集（consultation）")
	ResponseEntity<Map<String, Object>> decided(@PathVariable long id, @RequestBody(required = false) DecidedBody body) {
		if (body == null) {
			throw InvalidInputException.of("content", "请填写议定事项");
		}
		List<String> links = body.links() == null ? List.of()
				: body.links().stream().map(l -> (l.kind() == null ? "" : l.kind()) + ":" + (l.id() == null ? "" : l.id())).toList();
		MeetingDecided d = management.recordDecided(id, null,
				new MeetingDecidedDraft(body.itemId() == null ? null : body.itemId().toString(), body.content(), links, null));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("itemId", d.itemId());
		out.put("content", d.content());
		out.put("links", d.links().stream().map(l -> Map.of("kind", l.kind(), "id", l.targetId())).toList());
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(out);
	}

	@PostMapping("/api/v1/meetings/{id}/outcome/publish")
	@Operation(summary = "公开议定事项")
	Map<String, Object> publishOutcome(@PathVariable long id) {
		return staff(management.publishOutcome(id));
	}

	@GetMapping("/api/v1/meetings/{id}/applications")
	@Operation(summary = "会议的列席申请（含申请人信息，仅本单位管理人员）")
	List<Map<String, Object>> applications(@PathVariable long id) {
		queries.staffMeeting(Actors.require(), id);
		management.applicantsRead(id, "通过接口读取列席申请");
		return queries.applications(id, null).stream().map(MeetingApiController::application).toList();
	}

	@PostMapping("/api/v1/meetings/applications/{id}/approve")
	@Operation(summary = "同意列席（不超过公开报名名额；名额已满 409）")
	Map<String, Object> approve(@PathVariable long id) {
		return application(management.approve(id));
	}

	@PostMapping("/api/v1/meetings/applications/{id}/refuse")
	@Operation(summary = "不同意列席（须说明理由，申请人可见）")
	Map<String, Object> refuse(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return application(management.refuse(id, body == null ? null : body.reason()));
	}

	// ---- views --------------------------------------------------------------------------------------------

	private static Map<String, Object> line(MeetingQueries.PublicLine p) {
		Meeting m = p.meeting();
		Map<String, Object> x = new LinkedHashMap<>();
		x.put("id", m.id());
		x.put("title", p.title());
		x.put("type", m.type().name());
		x.put("typeLabel", m.type().label());
		x.put("agency", p.agency().code());
		x.put("agencyName", p.agency().name());
		x.put("startsAt", m.startsAt());
		x.put("place", m.place());
		x.put("upcoming", p.upcoming());
		x.put("live", p.live());
		x.put("applicationsOpen", p.applicationsOpen());
		x.put("decidedCount", p.decidedCount());
		x.put("url", p.path());
		return x;
	}

	private static Map<String, Object> summary(MeetingQueries.PublicMeeting p) {
		Meeting m = p.meeting();
		Map<String, Object> x = new LinkedHashMap<>();
		x.put("id", m.id());
		x.put("title", org.gongkai.platform.PersonalDataScanner.mask(m.title()));
		x.put("type", m.type().name());
		x.put("typeLabel", m.type().label());
		x.put("agency", p.agency().code());
		x.put("agencyName", p.agency().name());
		x.put("startsAt", m.startsAt());
		x.put("place", m.place());
		x.put("upcoming", p.upcoming());
		x.put("live", p.live());
		x.put("applicationsOpen", p.applicationsOpen());
		x.put("decidedCount", p.outcomePublished() ? p.decided().size() : 0);
		x.put("url", p.path());
		return x;
	}

	private Map<String, Object> staff(Meeting m) {
		Map<String, Object> x = new LinkedHashMap<>();
		x.put("id", m.id());
		x.put("agency", agencies.findById(m.agencyId()).map(Agency::code).orElse(null));
		x.put("title", m.title());
		x.put("type", m.type().name());
		x.put("startsAt", m.startsAt());
		x.put("place", m.place());
		x.put("advanceNotice", m.advanceNotice());
		x.put("liveUrl", m.liveUrl());
		x.put("invited", m.invited().stream().sorted().map(Enum::name).toList());
		x.put("seats", m.seats());
		x.put("approved", m.approvedCount());
		x.put("applyDeadline", m.applyDeadline());
		x.put("status", m.status().name());
		x.put("withdrawnReason", m.withdrawnReason());
		x.put("outcomePublished", m.outcomePublishedAt() != null);
		x.put("items", queries.items(m.id()).stream().map(i -> {
			Map<String, Object> y = new LinkedHashMap<>();
			y.put("id", i.id());
			y.put("title", i.title());
			y.put("proposer", i.proposer());
			y.put("isPublic", i.isPublic());
			y.put("openToApplications", i.openToApplications());
			return y;
		}).toList());
		x.put("isPublic", MeetingRules.isPublic(m, queries.now()));
		x.put("url", MeetingQueries.path(m.id()));
		return x;
	}

	private static Map<String, Object> application(AttendanceApplication a) {
		Map<String, Object> x = new LinkedHashMap<>();
		x.put("id", a.id());
		x.put("meetingId", a.meetingId());
		x.put("trackingCode", a.trackingCode());
		x.put("name", a.name());
		x.put("category", a.category().name());
		x.put("workUnit", a.workUnit());
		x.put("phone", a.phone());
		x.put("items", a.itemIds());
		x.put("reason", a.reason());
		x.put("status", a.status().name());
		x.put("refusalReason", a.refusalReason());
		x.put("submittedAt", a.submittedAt());
		return x;
	}

	static final class TooMany extends DomainException {

		TooMany(String message) {
			super(429, message);
		}
	}
}
