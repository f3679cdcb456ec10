package org.gongkai.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 unified social credit codes. */
class CreditCodeTest {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91110000600037341L", "11100000000013127D" })
	void acceptsPublishedValidCodes(String code) {
		assertThat(CreditCode.problemWith(code)).isEmpty();
	}

	@Test
	void computesTheCheckCharacter() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
	}

	@Test
	void rejectsAWrongCheckCharacter() {
		assertThat(CreditCode.problemWith("91350100M000100Y44")).contains("统一社会信用代码校验位不正确，请核对后重新输入");
	}

	@Test
	void rejectsLettersOutsideTheAlphabet() {
		// I, O, S, V and Z are not used, so they cannot be confused with 1, 0, 5, U and 2
		assertThat(CreditCode.problemWith("91350100M0001OOY43")).hasValueSatisfying(m -> assertThat(m).contains("第14位“O”"));
	}

	@Test
	void rejectsTheWrongLength() {
		assertThat(CreditCode.problemWith("9135010")).contains("统一社会信用代码应为18位");
		assertThat(CreditCode.problemWith(null)).contains("统一社会信用代码应为18位");
	}

	@Test
	void normalisesInput() {
		assertThat(CreditCode.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
	}

	@Test
	void aCheckCharacterCanBeZero() {
		// find a prefix whose check value is 0 and make sure it renders as '0', not as an out-of-range index
		String prefix = "1137032300433640";
		for (char c : CreditCode.ALPHABET.toCharArray()) {
			String first17 = prefix + c;
			char check = CreditCode.checkCharacter(first17);
			assertThat(CreditCode.isValid(first17 + check)).isTrue();
		}
	}
}
