package org.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.platform.PersonalDataScanner.Kind;
import org.junit.jupiter.api.Test;

class PersonalDataScannerTest {

	/** A well-formed test number: 11010519491231002 with its GB 11643 check digit X. */
	static final String VALID_ID = "11010519491231002X";

	@Test
	void findsAResidentIdWithAValidCheckDigit() {
		assertThat(PersonalDataScanner.validResidentId(VALID_ID)).isTrue();
		assertThat(PersonalDataScanner.scan("申请人身份证号" + VALID_ID + "。", "正文"))
			.extracting(PersonalDataScanner.Finding::kind, PersonalDataScanner.Finding::masked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.RESIDENT_ID, "110105********002X"));
	}

	@Test
	void ignoresEighteenDigitsWhoseCheckDigitIsWrong() {
		assertThat(PersonalDataScanner.scan("编号110105194912310021", "正文")).noneMatch(f -> f.kind() == Kind.RESIDENT_ID);
	}

	@Test
	void findsMobileNumbersButNotLongerDigitRuns() {
		assertThat(PersonalDataScanner.scan("联系电话13812345678，座机0533-3241234", "正文"))
			.extracting(PersonalDataScanner.Finding::masked)
			.containsExactly("138****5678");
		assertThat(PersonalDataScanner.scan("流水号 213812345678901", "正文")).noneMatch(f -> f.kind() == Kind.MOBILE);
	}

	@Test
	void findsBankCardsThatPassTheLuhnCheck() {
		assertThat(PersonalDataScanner.luhn("6222020200112233445")).isFalse();
		assertThat(PersonalDataScanner.luhn("4111111111111111")).isTrue();
		assertThat(PersonalDataScanner.scan("退款账户 4111 1111 1111 1111", "正文"))
			.extracting(PersonalDataScanner.Finding::kind)
			.containsExactly(Kind.BANK_CARD);
		assertThat(PersonalDataScanner.scan("合同编号 4111111111111112", "正文")).isEmpty();
	}

	@Test
	void masksPlainTextAndHtmlKeepingTheMarkup() {
		assertThat(PersonalDataScanner.mask("张三，" + VALID_ID + "，13812345678"))
			.isEqualTo("张三，110105********002X，138****5678");
		String html = PersonalDataScanner.maskHtml("<p>联系人：<strong>李四</strong> 13812345678</p><table><tr><td>" + VALID_ID
				+ "</td></tr></table>");
		assertThat(html).contains("<strong>李四</strong>", "138****5678", "110105********002X", "<td>")
			.doesNotContain("13812345678", VALID_ID);
		assertThat(PersonalDataScanner.scanHtml(html, "正文")).isEmpty();
	}
}
