package org.gongkai.powers;

import java.time.Instant;

/**
 * One recorded draw of a plan with everything needed to check it: the seed, the algorithm, and (stored with it) the
 * ordered candidate lists and the picks. A redraw supersedes the earlier draw, which stays visible.
 *
 * @param seq 1 for the first draw of the plan, 2 for a redraw …
 * @param nonceHex the 16 random bytes generated at draw time, as 32 hex digits
 */
public record InspectionDraw(long id, long planId, long agencyId, int seq, Instant drawnAt, String publicEntropy,
		String nonceHex, String seed, String algorithm, int entityCount, int inspectorsPerEntity, boolean superseded,
		String redrawReason, String drawnBy) {
}
