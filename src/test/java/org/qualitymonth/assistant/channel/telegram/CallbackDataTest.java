package org.qualitymonth.assistant.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackDataTest {

	@Test
	void everyKindSurvivesTheRoundTrip() {
		String replyId = UUID.randomUUID().toString();
		for (CallbackData data : new CallbackData[] { new CallbackData.Choose("complaint_12315"),
				new CallbackData.Menu(), new CallbackData.Feedback(replyId, true),
				new CallbackData.Feedback(replyId, false) }) {
			String encoded = CallbackData.encode(data).orElseThrow();

			assertThat(CallbackData.decode(encoded)).contains(data);
		}
	}

	@Test
	void feedbackOnAUuidReplyFitsTelegramsSixtyFourBytes() {
		String encoded = CallbackData.encode(new CallbackData.Feedback(UUID.randomUUID().toString(), false))
			.orElseThrow();

		assertThat(encoded.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(CallbackData.MAX_BYTES);
	}

	@Test
	void anIntentIdTooLongForAButtonIsNotEncoded() {
		assertThat(CallbackData.encode(new CallbackData.Choose("a".repeat(62)))).isPresent();
		assertThat(CallbackData.encode(new CallbackData.Choose("a".repeat(63)))).isEmpty();
	}

	@Test
	void staleForgedOrMalformedDataDecodesToNothing() {
		assertThat(CallbackData.decode(null)).isEmpty();
		assertThat(CallbackData.decode("")).isEmpty();
		assertThat(CallbackData.decode("x")).isEmpty();
		assertThat(CallbackData.decode("c:")).isEmpty();
		assertThat(CallbackData.decode("c:Bad-Id")).isEmpty();
		assertThat(CallbackData.decode("c:theme;drop")).isEmpty();
		assertThat(CallbackData.decode("f:" + UUID.randomUUID() + ":2")).isEmpty();
		assertThat(CallbackData.decode("f::1")).isEmpty();
		assertThat(CallbackData.decode("c:" + "a".repeat(63))).isEmpty();
	}

}
