package org.gongkai.inforequest;

import java.math.BigDecimal;

/**
 * The information-processing fee of 国办函〔2020〕109号 (domain-rules.md §1.6), both methods excess-progressive:
 * per application by the applicant's count in the calendar month (Art. 4) and per volume by pages (Art. 5).
 * One application is charged by one method only (Art. 3).
 */
final class FeeCalculator {

	private FeeCalculator() {
	}

	/**
	 * The fee for the {@code nthThisMonth} application of one applicant in a calendar month: free up to the tenth,
	 * 100 元 for the 11th to 30th, then each band of ten costs 100 元 more than the one before (31st–40th 200 元,
	 * 41st–50th 300 元, …; the reading of the ≥31 tier recorded in domain-rules.md §1.6).
	 */
	static BigDecimal perApplication(int nthThisMonth) {
		if (nthThisMonth <= RequestRules.FREE_APPLICATIONS_PER_MONTH) {
			return BigDecimal.ZERO;
		}
		if (nthThisMonth <= 30) {
			return RequestRules.PER_APPLICATION_FEE;
		}
		int band = (nthThisMonth - 31) / 10 + 2;
		return RequestRules.PER_APPLICATION_FEE.multiply(BigDecimal.valueOf(band));
	}

	/** The fee for a volume of pages: 30 free, pages 31–100 at 10 元, 101–200 at 20 元, from 201 at 40 元 each. */
	static BigDecimal perVolume(int pages) {
		if (pages < 0) {
			throw new IllegalArgumentException("pages must not be negative");
		}
		long fee = 0;
		fee += 10L * Math.max(0, Math.min(pages, 100) - RequestRules.FREE_PAGES);
		fee += 20L * Math.max(0, Math.min(pages, 200) - 100);
		fee += 40L * Math.max(0, pages - 200);
		return BigDecimal.valueOf(fee);
	}
}
