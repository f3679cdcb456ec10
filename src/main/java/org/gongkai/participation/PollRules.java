package org.gongkai.participation;

import java.nio.charset.StandardCharsets;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of a poll in one place: its state by date, one answer per person without an account, and the
 * protections of the public form.
 * <p>
 * <b>Why polls.</b> 《国务院办公厅关于全面推进政务公开工作的意见》 (seed 000) 三(一)4: 「推行重大民生决策民意调查制度。对社会保障等重大民生
 * 决策事项，建立民意调查制度，引导公众广泛参与政策制定工作」. A poll is open on {@code opensOn} and {@code closesOn} and every day
 * between, read in China Standard Time ({@link Zones#CHINA}) from the injected clock.
 * <p>
 * <b>One answer per person, minimum personal data.</b> A respondent proves nothing and creates no account; the poll
 * asks for one identifier, a mainland mobile number ({@link PollIdentityRule#MOBILE}) or a resident ID number checked
 * with its GB 11643 check character ({@link PollIdentityRule#RESIDENT_ID}), and keeps only
 * HMAC-SHA256(secret, poll id | normalised identifier). 《个人信息保护法》 Art. 6: 「处理个人信息应当具有明确、合理的目的，并应当
 * 与处理目的直接相关，采取对个人权益影响最小的方式。收集个人信息，应当限于实现处理目的的最小范围，不得过度收集个人信息」 — the purpose here is
 * only to recognise a second answer, and a keyed one-way fingerprint does that without keeping the number: the value
 * itself is never stored, logged or audited. The key differs per installation, so the fingerprint cannot be reversed
 * by hashing every possible phone number without it, and the poll id in the input makes fingerprints of different
 * polls unrelated. The key is generated once and stored in {@code pt_poll_secret}, so it survives restarts and is the
 * same on every instance of the application. The database's UNIQUE (poll_id, voter_hash) is the final arbiter: of
 * two concurrent answers with the same identifier only one commits. Art. 17 (告知): the form states what is
 * collected, for what, and that only the fingerprint is kept, and asks for acknowledgement before submission.
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

	/** What the notice on the form says is collected and kept. */
	static final String NOTICE_KEPT = "只保存由上述号码经单向加密计算得到的“指纹”（不可还原为号码），用于防止同一人重复提交；号码本身不保存、不公开，也不提供给任何人。";

	private static final String HMAC = "HmacSHA256";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final AddressRateLimit answers;

	private volatile byte[] secret;

	PollRules(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${gongkai.participation.polls.answers-per-hour:20}") long answersPerHour) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.answers = new AddressRateLimit(answersPerHour);
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

	/** The installation's key: read, or generated and stored once (the first instance to store it wins). */
	byte[] secret() {
		byte[] s = secret;
		if (s != null) {
			return s;
		}
		synchronized (this) {
			if (secret == null) {
				secret = load();
			}
			return secret;
		}
	}

	private byte[] load() {
		String hex = stored();
		if (hex == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			try {
				ownTransaction.executeWithoutResult(tx -> jdbc
					.sql("INSERT INTO pt_poll_secret (id, secret_hex, created_at) VALUES (1, :hex, :at)")
					.param("hex", HexFormat.of().formatHex(fresh))
					.param("at", java.sql.Timestamp.from(clock.instant()))
					.update());
			}
			catch (DuplicateKeyException e) {
				// another instance stored its key first: use that one
			}
			hex = stored();
		}
		return HexFormat.of().parseHex(hex);
	}

	private String stored() {
		return jdbc.sql("SELECT secret_hex FROM pt_poll_secret WHERE id = 1").query(String.class).optional().orElse(null);
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
		return "该" + rule.label() + "已参与过本次调查，每人只能提交一次，感谢您的参与";
	}
}
