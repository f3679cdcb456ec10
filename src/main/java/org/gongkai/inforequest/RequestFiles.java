package org.gongkai.inforequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a request: the applicant's identity proof (条例 Art. 29 ¶2(一)), the application as received on paper,
 * and the documents of the reply. Like the applicant's data, they are shown only to the handling agency's request
 * staff, and every download is audited.
 */
@Service
@Transactional
public class RequestFiles {

	/** What a file is. */
	public enum Kind {
		IDENTITY_PROOF("身份证明"), APPLICATION("申请书原件"), REPLY("答复材料"), OTHER("其他材料");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final InfoRequests requests;

	private final FileStore files;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RequestFiles(InfoRequests requests, FileStore files, AgencyAccess access, ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.files = files;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** Staff add a file to a request of their agency. */
	public InfoRequests.StoredFile attach(long requestId, Kind kind, String fileName, byte[] content) {
		InfoRequest r = requests.find(requestId).orElseThrow(() -> DomainException.notFound("该申请不存在"));
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		if (kind == null) {
			throw InvalidInputException.of("kind", "请选择材料类别");
		}
		return store(r, kind, fileName, content, actor.username());
	}

	/** The identity proof uploaded with an online application, in the same transaction as the application. */
	InfoRequests.StoredFile attachFromApplicant(InfoRequest r, String fileName, byte[] content) {
		return store(r, Kind.IDENTITY_PROOF, fileName, content, "applicant");
	}

	private InfoRequests.StoredFile store(InfoRequest r, Kind kind, String fileName, byte[] content, String by) {
		String contentType = verify(fileName, content);
		String key = files.put(content, fileName);
		org.gongkai.platform.AfterTransaction.rollback(() -> files.delete(key));
		Instant now = clock.instant();
		long id = requests.insertFile(new InfoRequests.StoredFile(0, r.id(), kind.name(), fileName.trim(), contentType,
				content.length, key, by, now));
		requests.addEvent(r.id(), now, by, "file", "添加" + kind.label() + "“" + fileName.trim() + "”", false);
		events.publishEvent(ChangeRecorded.of("applicant".equals(by) ? Actor.system() : Actors.require(), now, r.agencyId(),
				"inforequest.file-added", "InfoRequest", r.id(), "为申请（" + r.trackingCode() + "）添加" + kind.label(), null, null));
		return requests.files(r.id()).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<InfoRequests.StoredFile> list(long requestId) {
		requireCase(requestId);
		return requests.files(requestId);
	}

	/** A file's bytes for the handling agency's request staff; the download is audited. */
	public Download download(long requestId, long fileId) {
		InfoRequest r = requireCase(requestId);
		InfoRequests.StoredFile f = requests.files(requestId).stream().filter(x -> x.id() == fileId).findFirst()
			.orElseThrow(() -> DomainException.notFound("该材料不存在"));
		byte[] bytes = files.get(f.storageKey()).orElseThrow(() -> DomainException.notFound("该材料的文件已不存在"));
		Actor actor = Actors.require();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), r.agencyId(), "inforequest.file-downloaded", "InfoRequest",
				requestId, "下载申请（" + r.trackingCode() + "）的材料", null, null));
		return new Download(f.fileName(), f.contentType(), bytes);
	}

	public record Download(String fileName, String contentType, byte[] content) {
	}

	private InfoRequest requireCase(long requestId) {
		InfoRequest r = requests.find(requestId).orElseThrow(() -> DomainException.notFound("该申请不存在"));
		CaseAccess.require(r.agencyId(), InfoRequestQueries.CASE_ROLES);
		return r;
	}

	/** PDF or an image, at most 10 MB, contents matching the extension. */
	static String verify(String fileName, byte[] content) {
		if (fileName == null || fileName.isBlank() || content == null || content.length == 0) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		if (fileName.length() > 200) {
			throw InvalidInputException.of("file", "文件名不能超过200字");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "文件不能超过10MB");
		}
		int dot = fileName.lastIndexOf('.');
		String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		String type = switch (ext) {
			case "pdf" -> starts(content, '%', 'P', 'D', 'F') ? "application/pdf" : null;
			case "png" -> starts(content, 0x89, 'P', 'N', 'G') ? "image/png" : null;
			case "jpg", "jpeg" -> starts(content, 0xFF, 0xD8, 0xFF) ? "image/jpeg" : null;
			default -> throw InvalidInputException.of("file", "只能上传 PDF、JPG 或 PNG 文件");
		};
		if (type == null) {
			throw InvalidInputException.of("file", "“" + fileName + "”的内容与扩展名不符，请检查文件是否损坏或被改名");
		}
		return type;
	}

	private static boolean starts(byte[] content, int... expected) {
		if (content.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((content[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}
}
