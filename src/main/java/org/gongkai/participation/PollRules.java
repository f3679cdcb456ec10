package org.gongkai.participation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gongkai.platform.AddressRateLimit;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.ResidentIds;
import org.gongkai.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules of a poll in one place: its state by date, one answer per mobile or ID number without an account, and
 * the protections of the public form.
 * <p>
 * <b>Why polls.</b> 《国务院办公厅关于全面推进政务公开工作的意见》 (seed 000) 三(一)4: 「推行重大民生决策民意调查制度。对社会保障等重大民生
 * 决策事项，建立民意调查制度，引导公众广泛参与政策制定工作」. A poll is open on {@code opensOn} and {@code closesOn} and every day
 * between, read in China Standard Time ({@link Zones#CHINA}) from the injected clock.
 * <p>
 * <b>One answer per number, not per verified person.</b> A respondent creates no account and proves nothing: the poll
 * asks for one identifier, a mainland mobile number ({@link PollIdentityRule#MOBILE}) or a resident ID number checked
 * with its GB 11643 check character ({@link PollIdentityRule#RESIDENT_ID}), and accepts one answer per identifier
 * typed. This deployment has no SMS gateway, so nobody checks that the number belongs to the person typing it; the
 * portal therefore says 「每个手机号码（或身份证号码）限提交一次」 and presents the results as 「自愿参与、未经实名核验的统计，仅供决策参考」
 * ({@link #LIMIT_NOTICE}, {@link #RESULTS_NOTICE}) and never promises identity verification. An SMS one-time-code step
 * can be added where one is available: it belongs before {@link PollManagement#answer}, which would then take only
 * a verified number. The per-address hourly limit ({@code gongkai.participation.polls.answers-per-hour}) and the
 * honeypot stay in any case.
 * <p>
 * <b>Minimum personal data.</b> 《个人信息保护法》 Art. 6: 「处理个人信息应当具有明确、合理的目的，并应当与处理目的直接相关，采取对个人权益
 * 影响最小的方式。收集个人信息，应当限于实现处理目的的最小范围，不得过度收集个人信息」 — the purpose is only to recognise a second
 * answer with the same number. The number itself is never stored, logged or audited; only
 * HMAC-SHA256(key, poll id | normalised identifier) is kept, in {@code pt_poll_voter}, a table with no link to the
 * answers ({@code pt_poll_response} has no fingerprint column), so an answer can never be joined to a number. The key
 * is not in the database: it is {@code gongkai.participation.polls.fingerprint-key} when configured (required when
 * several instances do not share the data directory), else a random key generated once and kept in
 * {@code <data-dir>/keys/poll-fingerprint.key}; a copy of the database alone therefore does not allow anyone to test
 * phone numbers against the fingerprints. The poll id in the input makes fingerprints of different polls unrelated.
 * The database's UNIQUE (poll_id, voter_hash) is the final arbiter: of two concurrent answers with the same
 * identifier only one commits. Art. 19 (retention): fingerprints are deleted {@code fingerprint-retention-days} (30)
 * days after the poll ends, which leaves time for disputes, and free-text answers are erased
 * {@code text-retention-days} (365) days after it ends ({@link PollRetention}). Art. 17 (告知): the form states who
 * processes, what is collected and for what, how and how long it is kept and the respondent's rights, and asks for
 * acknowledgement before submission.
 * <p>
 * <b>Abuse.</b> A hidden honeypot field that only robots fill and a per-address hourly limit
 * ({@link AddressRateLimit}) stand in for a third-party captcha.
 */
@Component
public class PollRules {

	/** Mainland mobile numbers: 11 digits starting 13 to 19. */
	static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 5000;

	static final int MAX_PROMPT = 500;

	static final int MAX_OPTION = 200;

	static final int MAX_TEXT_LENGTH = 2000;

	static final int DEFAULT_TEXT_LENGTH = 500;

	static final int MAX_REASON = 500;

	/** What the notice on the form says is kept, and for how long (days filled in by {@link #keptNotice}). */
	static final String NOTICE_KEPT = "号码本身不保存、不公开，也不提供给任何人；只保存由号码和本平台单独保管的密钥计算得到的“指纹”，用于识别同一号码的重复提交，"
			+ "指纹与答卷分开保存，答卷中不含号码或指纹。指纹在调查结束%d日后删除（留作处理异议）；填空题的回答在调查结束%d日后删除；"
			+ "选择题的回答作为不含个人信息的统计数据保存。";

	/** The limit as the portal states it: per number typed, not per verified person. */
	static final String LIMIT_NOTICE = "每个手机号码（或身份证号码）限提交一次";

	/** How the portal presents results: voluntary and unverified. */
	static final String RESULTS_NOTICE = "本调查结果为自愿参与、未经实名核验的统计，仅供决策参考。";

	private static final String HMAC = "HmacSHA256";

	private final Clock clock;

	private final AddressRateLimit answers;

	private final String configuredKey;

	private final Path keyFile;

	private final int fingerprintDays;

	private final int textDays;

	private volatile byte[] secret;

	PollRules(Clock clock, @Value("${gongkai.participation.polls.answers-per-hour:20}") long answersPerHour,
			@Value("${gongkai.participation.polls.fingerprint-key:}") String configuredKey,
			@Value("${gongkai.data-dir:./data}") Path dataDir,
			@Value("${gongkai.participation.polls.fingerprint-retention-days:" + PollRetention.DEFAULT_FINGERPRINT_DAYS + "}") int fingerprintDays,
			@Value("${gongkai.participation.polls.text-retention-days:" + PollRetention.DEFAULT_TEXT_DAYS + "}") int textDays) {
		this.clock = clock;
		this.answers = new AddressRateLimit(answersPerHour);
		this.configuredKey = configuredKey == null ? "" : configuredKey.strip();
		this.keyFile = dataDir.resolve("keys").resolve("poll-fingerprint.key");
		if (fingerprintDays < 0 || textDays < 0) {
			throw new IllegalStateException("gongkai.participation.polls.*-retention-days must not be negative");
		}
		this.fingerprintDays = fingerprintDays;
		this.textDays = textDays;
	}

	/** Days after a poll ends that its fingerprints are kept. */
	int fingerprintDays() {
		return fingerprintDays;
	}

	/** Days after a poll ends that its free-text answers are kept. */
	int textDays() {
		return textDays;
	}

	/** The form's statement of what is kept and for how long. */
	String keptNotice() {
		return NOTICE_KEPT.formatted(fingerprintDays, textDays);
	}

	// ---- dates and states ----------------------------------------------------------------------------------

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	/** The poll's state today: draft until published; withdrawn; else by its days (both inclusive) and early closing. */
	static PollStatus status(Poll p, LocalDate today) {
		if (!p.published()) {
			return PollStatus.DRAFT;
		}
		if (p.withdrawn()) {
			return PollStatus.WITHDRAWN;
		}
		if (p.closedEarlyOn() != null || today.isAfter(p.closesOn())) {
			return PollStatus.CLOSED;
		}
		return today.isBefore(p.opensOn()) ? PollStatus.NOT_STARTED : PollStatus.OPEN;
	}

	PollStatus status(Poll p) {
		return status(p, today());
	}

	/** Whether the public sees the results now: only of a public poll, per its visibility. */
	static boolean resultsPublic(Poll p, LocalDate today) {
		PollStatus s = status(p, today);
		return switch (p.resultsVisibility()) {
			case AFTER_CLOSE -> s == PollStatus.CLOSED;
			case LIVE -> s == PollStatus.OPEN || s == PollStatus.CLOSED;
			case WITHHELD -> false;
		};
	}

	/** Questions and options change only before publication, when nobody can have answered. */
	static boolean editable(Poll p) {
		return !p.published();
	}

	// ---- identity -------------------------------------------------------------------------------------------

	/**
	 * The identifier as the fingerprint takes it: digits only for a mobile number (spaces, hyphens and a +86 or 86
	 * prefix removed), upper-case X for an ID number.
	 *
	 * @throws InvalidInputException on field {@code identity} when the identifier is missing or malformed
	 */
	static String normalise(PollIdentityRule rule, String raw) {
		String v = raw == null ? "" : raw.strip().replace("\u3000", "");
		if (v.isEmpty()) {
			throw InvalidInputException.of("identity", "请填写" + rule.label() + "，用于确认每人只提交一次");
		}
		switch (rule) {
			case MOBILE -> {
				String digits = v.replaceAll("[\\s\\-()（）]", "");
				if (digits.startsWith("+86")) {
					digits = digits.substring(3);
				}
				else if (digits.startsWith("86") && digits.length() == 13) {
					digits = digits.substring(2);
				}
				if (!MOBILE.matcher(digits).matches()) {
					throw InvalidInputException.of("identity", "请填写正确的11位手机号码");
				}
				return digits;
			}
			case RESIDENT_ID -> {
				String id = v.replace(" ", "").toUpperCase(Locale.ROOT);
				if (!ResidentIds.isValid(id)) {
					throw InvalidInputException.of("identity", "请填写正确的18位居民身份证号码");
				}
				return id;
			}
			default -> throw new IllegalStateException();
		}
	}

	/** HMAC-SHA256 of (poll id, normalised identifier) with the installation's secret, 64 hex characters. */
	String fingerprint(long pollId, String normalised) {
		return fingerprint(secret(), pollId, normalised);
	}

	static String fingerprint(byte[] key, long pollId, String normalised) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return HexFormat.of().formatHex(mac.doFinal((pollId + "|" + normalised).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", e);
		}
	}

	/** The installation's key: configured, or read from (or generated once into) the key file in the data directory. */
	byte[] secret() {
		byte[] s = secret;
		if (s != null) {
			return s;
		}
		synchronized (this) {
			if (secret == null) {
				secret = configuredKey.isEmpty() ? fileKey() : configured(configuredKey);
			}
			return secret;
		}
	}

	private static byte[] configured(String key) {
		if (key.length() >= 64 && key.matches("[0-9a-fA-F]+") && key.length() % 2 == 0) {
			return HexFormat.of().parseHex(key);
		}
		if (key.length() < 32) {
			throw new IllegalStateException("gongkai.participation.polls.fingerprint-key must be at least 32 characters");
		}
		return key.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] fileKey() {
		try {
			if (!Files.exists(keyFile)) {
				Files.createDirectories(keyFile.getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Path tmp = Files.createTempFile(keyFile.getParent(), "poll-fingerprint", ".tmp");
				try {
					restrict(tmp);
					Files.writeString(tmp, HexFormat.of().formatHex(fresh), StandardCharsets.US_ASCII);
					// never replace a key another instance stored first: that one wins
					Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileAlreadyExistsException e) {
					// another instance was first
				}
				finally {
					Files.deleteIfExists(tmp);
				}
			}
			return HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the poll fingerprint key " + keyFile, e);
		}
	}

	private static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException e) {
			// not a POSIX file system: the data directory's own permissions apply
		}
	}

	// ---- the public form --------------------------------------------------------------------------------------

	/** Whether the hidden honeypot field was filled (by a robot): the answer is silently dropped. */
	static boolean honeypotFilled(String honeypot) {
		return honeypot != null && !honeypot.isEmpty();
	}

	/** Empty when the address may submit an answer now (a token is taken); otherwise the seconds to wait. */
	OptionalLong takeAnswer(String address) {
		return answers.take(address);
	}

	/** Whole minutes to wait, at least one. */
	static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}

	/** The refusal of a second answer. */
	static String duplicateMessage(PollIdentityRule rule) {
		return "该" + rule.label() + "已参与过本次调查，每个号码只能提交一次，感谢您的参与";
	}
}
