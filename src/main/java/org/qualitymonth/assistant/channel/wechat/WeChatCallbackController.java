package org.qualitymonth.assistant.channel.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /wechat/callback}, the server URL of the Official Account. {@code GET} is WeChat
 * checking the URL (echo {@code echostr} when signed with the token, else 403);
 * {@code POST} delivers a message, answered with a passive reply in the mode it came in,
 * or {@code success}. Bodies over the limit are refused before parsing; malformed ones
 * get 400, forged ones 403, never a 500.
 */
@RestController
@Conditional(WeChatConditions.Configured.class)
class WeChatCallbackController {

	static final String PATH = "/wechat/callback";

	private static final Logger log = LoggerFactory.getLogger(WeChatCallbackController.class);

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final WeChatEnvelope envelope;

	private final WeChatDialogue dialogue;

	private final PassiveReplies replies;

	private final int maxBodyBytes;

	WeChatCallbackController(WeChatEnvelope envelope, WeChatDialogue dialogue, PassiveReplies replies,
			WeChatSettings settings) {
		this.envelope = envelope;
		this.dialogue = dialogue;
		this.replies = replies;
		this.maxBodyBytes = settings.maxBodyBytes();
	}

	@GetMapping(PATH)
	ResponseEntity<String> verify(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		if (echostr == null || !envelope.signed(signature, timestamp, nonce)) {
			throw new ForgedCallbackException();
		}
		return ResponseEntity.ok().contentType(TEXT).body(echostr);
	}

	@PostMapping(PATH)
	ResponseEntity<String> receive(HttpServletRequest request, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature) throws IOException {
		if (!envelope.signed(signature, timestamp, nonce)) {
			throw new ForgedCallbackException();
		}
		String body = readBody(request);
		WeChatEnvelope.Opened opened = envelope.open(body, signature, timestamp, nonce, encryptType, msgSignature);
		WxMpXmlMessage message = opened.message();
		Optional<String> reply = replies.reply(deliveryId(message), message.getFromUser(),
				() -> dialogue.respond(message));
		if (reply.isEmpty()) {
			return success();
		}
		WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT()
			.content(reply.get())
			.fromUser(message.getToUser())
			.toUser(message.getFromUser())
			.build();
		return ResponseEntity.ok().contentType(XML).body(envelope.seal(out, opened.encrypted()));
	}

	/**
	 * What WeChat repeats when it retries: the MsgId, or the sender and time of an event.
	 */
	static String deliveryId(WxMpXmlMessage message) {
		return message.getMsgId() != null ? "msg:" + message.getMsgId()
				: "event:" + message.getFromUser() + ":" + message.getCreateTime();
	}

	private String readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > maxBodyBytes) {
			throw new TooLargeException();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(maxBodyBytes + 1);
			if (body.length > maxBodyBytes) {
				throw new TooLargeException();
			}
			if (body.length == 0) {
				throw new BadCallbackException("the body is empty");
			}
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private static ResponseEntity<String> success() {
		return ResponseEntity.ok().contentType(TEXT).body("success");
	}

	@ExceptionHandler(ForgedCallbackException.class)
	ResponseEntity<String> forged(ForgedCallbackException ex) {
		log.debug("WeChat callback refused: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).body("");
	}

	@ExceptionHandler(BadCallbackException.class)
	ResponseEntity<String> bad(BadCallbackException ex) {
		log.debug("WeChat callback refused: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(TEXT).body(ex.getMessage());
	}

	@ExceptionHandler(TooLargeException.class)
	ResponseEntity<String> tooLarge(TooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(TEXT).body(ex.getMessage());
	}

	@ExceptionHandler(IOException.class)
	ResponseEntity<String> unreadable(IOException ex) {
		log.debug("WeChat callback body could not be read: {}", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(TEXT).body("the body could not be read");
	}

	/** The body is over {@code bot.wechat.max-body-bytes}. */
	static final class TooLargeException extends RuntimeException {

		TooLargeException() {
			super("the body is too large", null, false, false);
		}

	}

}
