package org.gongkai.powers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The random draw of 双随机、一公开 as a pure function: the same seed and the same candidate keys always give the same
 * entities and inspectors, so that anyone can check a published draw in any language from its published seed and
 * candidate lists (the algorithm is documented on {@code /inspections/algorithm}).
 * <ol>
 * <li>The seed is the text {@code <plan id>|<draw time, ISO-8601 UTC to the second>|<public entropy>|<32 hex digits>}:
 * the public entropy was announced before the draw (a lottery result, the time of a live stream), the 32 hex digits
 * are 16 random bytes generated at draw time and recorded with the draw.</li>
 * <li>The candidates are sorted by their key (ascending by character code; keys are ASCII: a credit code, or
 * {@code ID} and a ten-digit pool id).</li>
 * <li>A byte stream: the blocks SHA-256(UTF-8 bytes of the seed followed by a counter as 8 bytes big-endian), the
 * counter 0, 1, 2, …, read one byte after the other.</li>
 * <li>A uniform integer below {@code bound}: take the next 4 bytes as an unsigned big-endian number {@code x};
 * if {@code x} is at least {@code 2^32 - (2^32 mod bound)} discard it and take 4 bytes more (rejection sampling,
 * no modulo bias); else the integer is {@code x mod bound}.</li>
 * <li>Fisher–Yates: for {@code i} from {@code n - 1} down to 1, take {@code j} uniform below {@code i + 1} and
 * swap the candidates at {@code i} and {@code j}. The drawn entities are the first N of the shuffled list.</li>
 * <li>For each drawn entity in drawn order, the inspectors are shuffled the same way with the seed
 * {@code <seed>|entity:<entity key>} and the first K are its inspectors (K distinct people).</li>
 * </ol>
 */
final class RandomDraw {

	/** The name of this algorithm, recorded with every draw. */
	static final String ALGORITHM = "gongkai-draw-v1 (SHA-256 counter stream, rejection sampling, Fisher-Yates)";

	private RandomDraw() {
	}

	/** One drawn entity and its inspectors, by key. */
	record Pick(String entityKey, List<String> inspectorKeys) {
	}

	/** The seed text of a draw; the draw time is cut to the second. */
	static String seed(long planId, Instant drawnAt, String publicEntropy, String nonceHex) {
		return planId + "|" + drawnAt.truncatedTo(ChronoUnit.SECONDS) + "|" + publicEntropy + "|" + nonceHex;
	}

	/**
	 * Draws {@code entityCount} entities and {@code perEntity} inspectors for each.
	 *
	 * @throws IllegalArgumentException when a list has a duplicate key or fewer candidates than asked for
	 */
	static List<Pick> draw(String seed, List<String> entityKeys, int entityCount, List<String> inspectorKeys, int perEntity) {
		if (entityCount < 1 || entityCount > entityKeys.size()) {
			throw new IllegalArgumentException("cannot draw " + entityCount + " of " + entityKeys.size() + " entities");
		}
		if (perEntity < 1 || perEntity > inspectorKeys.size()) {
			throw new IllegalArgumentException("cannot draw " + perEntity + " of " + inspectorKeys.size() + " inspectors");
		}
		List<String> entities = shuffle(seed, entityKeys).subList(0, entityCount);
		List<Pick> picks = new ArrayList<>(entityCount);
		for (String entity : entities) {
			List<String> inspectors = shuffle(seed + "|entity:" + entity, inspectorKeys).subList(0, perEntity);
			picks.add(new Pick(entity, List.copyOf(inspectors)));
		}
		return List.copyOf(picks);
	}

	/** The keys sorted, then shuffled by Fisher–Yates with the seed's byte stream. */
	static List<String> shuffle(String seed, List<String> keys) {
		List<String> list = new ArrayList<>(keys);
		Set<String> seen = new HashSet<>();
		for (String k : list) {
			if (k == null || !seen.add(k)) {
				throw new IllegalArgumentException("duplicate or missing candidate key: " + k);
			}
		}
		list.sort(null);
		ByteStream bytes = new ByteStream(seed);
		for (int i = list.size() - 1; i >= 1; i--) {
			int j = bytes.below(i + 1);
			String t = list.get(i);
			list.set(i, list.get(j));
			list.set(j, t);
		}
		return list;
	}

	/** The bytes of SHA-256(seed || counter) for counter 0, 1, 2, … */
	static final class ByteStream {

		private final byte[] seed;

		private long counter;

		private byte[] block = new byte[0];

		private int next;

		ByteStream(String seed) {
			this.seed = seed.getBytes(StandardCharsets.UTF_8);
		}

		int nextByte() {
			if (next == block.length) {
				block = sha256(seed, counter++);
				next = 0;
			}
			return block[next++] & 0xff;
		}

		/** A uniform integer at least 0 and below {@code bound}, by rejection sampling. */
		int below(int bound) {
			if (bound < 1) {
				throw new IllegalArgumentException("bound " + bound);
			}
			long range = 1L << 32;
			long limit = range - range % bound;
			while (true) {
				long x = ((long) nextByte() << 24) | (nextByte() << 16) | (nextByte() << 8) | nextByte();
				if (x < limit) {
					return (int) (x % bound);
				}
			}
		}

		private static byte[] sha256(byte[] seed, long counter) {
			try {
				MessageDigest d = MessageDigest.getInstance("SHA-256");
				d.update(seed);
				byte[] c = new byte[8];
				for (int i = 7; i >= 0; i--) {
					c[i] = (byte) (counter >>> (8 * (7 - i)));
				}
				d.update(c);
				return d.digest();
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
