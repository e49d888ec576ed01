package org.qualitymonth.assistant.querylog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

	private final Redactor redactor = new Redactor(List.of("caiyugang@samr.gov.cn"));

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "11010519491231002x", "440304199001011233", "320102198506152044",
			"510104200010100070" })
	void recognisesResidentIdsWithAValidCheckDigit(String id) {
		assertThat(Redactor.isResidentId(id.toUpperCase())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "440304199001011234", "320102198506152040", "51010420001010007X",
			"1101051949123100", "11010519491231002Y" })
	void rejectsResidentIdsWithAWrongCheckDigitOrShape(String id) {
		assertThat(Redactor.isResidentId(id)).isFalse();
	}

	@Test
	void masksAResidentIdWithAValidChecksumKeepingFourDigitsEachEnd() {
		assertThat(redactor.redact("我的身份证号是440304199001011233请帮我查")).isEqualTo("我的身份证号是4403**********1233请帮我查");
		assertThat(redactor.redact("身份证 11010519491231002x")).isEqualTo("身份证 1101**********002X");
	}

	@Test
	void masksAResidentIdWrittenInGroups() {
		assertThat(redactor.redact("证件 440304 19900101 1233")).isEqualTo("证件 4403**********1233");
	}

	@Test
	void leavesEighteenDigitNumbersWithAWrongIdChecksumThatAreNoCardAlone() {
		// check digit should be 3, and the number fails the Luhn check too: an order
		// number, not personal data
		assertThat(redactor.redact("订单号440304199001011234")).isEqualTo("订单号440304199001011234");
	}

	@Test
	void masksMainlandMobileNumbers() {
		assertThat(redactor.redact("电话13812345678")).isEqualTo("电话138****5678");
		assertThat(redactor.redact("call +86 138 1234 5678 ok")).isEqualTo("call +86 138****5678 ok");
		assertThat(redactor.redact("手机号:199-0000-1111")).isEqualTo("手机号:199****1111");
	}

	@Test
	void leavesOtherNumbersAlone() {
		assertThat(redactor.redact("拨打12315投诉")).isEqualTo("拨打12315投诉");
		assertThat(redactor.redact("电话010-82262716")).isEqualTo("电话010-82262716");
		assertThat(redactor.redact("2020年9月质量月")).isEqualTo("2020年9月质量月");
		// eleven digits starting 12 are no mobile number; twelve digits are not one
		// either
		assertThat(redactor.redact("编号12812345678")).isEqualTo("编号12812345678");
		assertThat(redactor.redact("编号138123456789")).isEqualTo("编号138123456789");
	}

	@Test
	void masksBankCardNumbersThatPassTheLuhnCheck() {
		assertThat(redactor.redact("卡号6222021001123456789")).isEqualTo("卡号6222***********6789");
		assertThat(redactor.redact("card 4111 1111 1111 1111")).isEqualTo("card 4111********1111");
		assertThat(redactor.redact("卡号622202100112345678")).isEqualTo("卡号6222**********5678");
	}

	@Test
	void leavesCardLikeNumbersThatFailTheLuhnCheck() {
		assertThat(redactor.redact("卡号6222021001123456788")).isEqualTo("卡号6222021001123456788");
		assertThat(redactor.redact("card 4111 1111 1111 1112")).isEqualTo("card 4111 1111 1111 1112");
	}

	@Test
	void masksCitizensEmailAddressesButNotThePublishedContact() {
		assertThat(redactor.redact("我的邮箱zhangsan.li@qq.com谢谢")).isEqualTo("我的邮箱z***@qq.com谢谢");
		assertThat(redactor.redact("发邮件到caiyugang@samr.gov.cn可以吗")).isEqualTo("发邮件到caiyugang@samr.gov.cn可以吗");
		assertThat(redactor.redact("CaiYuGang@SAMR.gov.cn")).isEqualTo("CaiYuGang@SAMR.gov.cn");
	}

	@Test
	void masksEverythingInOneQuestion() {
		String redacted = redactor
			.redact("我叫张三 手机13812345678 身份证440304199001011233 邮箱zs@163.com 卡号6217001234567890122");
		assertThat(redacted).isEqualTo("我叫张三 手机138****5678 身份证4403**********1233 邮箱z***@163.com 卡号6217***********0122");
		assertThat(redacted).doesNotContain("12345678 ", "199001011233", "zs@", "1234567890122");
	}

	@Test
	void leavesOrdinaryQuestionsUnchanged() {
		String question = "质量月的主题是什么 活动时间是几月";
		assertThat(redactor.redact(question)).isEqualTo(question);
		assertThat(redactor.redact("")).isEmpty();
		assertThat(redactor.redact(null)).isNull();
	}

}
