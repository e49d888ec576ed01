package org.qualitymonth.assistant.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.w3c.dom.Element;

/**
 * Checks and opens callbacks, and seals passive replies, in plain mode and in safe mode
 * ({@code encrypt_type=aes}): signatures on WeChat's SHA-1 scheme, AES through WxJava's
 * {@link WxMpCryptUtil}, every body through {@link SafeXml} before WxJava parses it.
 */
final class WeChatEnvelope {

	/** A verified message, and whether its reply must be encrypted. */
	record Opened(WxMpXmlMessage message, boolean encrypted) {
	}

	private final WxMpConfigStorage config;

	WeChatEnvelope(WxMpConfigStorage config) {
		this.config = config;
	}

	/**
	 * The {@code signature} WeChat puts on every callback: SHA-1 over the sorted token,
	 * timestamp and nonce.
	 */
	boolean signed(String signature, String timestamp, String nonce) {
		// SHA1.gen refuses empty parts with an exception quoting the token: never let it
		// see one
		if (blank(signature) || blank(timestamp) || blank(nonce) || timestamp.length() > 32 || nonce.length() > 64) {
			return false;
		}
		return same(SHA1.gen(config.getToken(), timestamp, nonce), signature);
	}

	/**
	 * @throws ForgedCallbackException when a signature is wrong
	 * @throws BadCallbackException when the body is not a well-formed message
	 */
	Opened open(String body, String signature, String timestamp, String nonce, String encryptType,
			String msgSignature) {
		if (!signed(signature, timestamp, nonce)) {
			throw new ForgedCallbackException();
		}
		Element outer = SafeXml.parse(body);
		boolean encrypted = encryptType != null && !encryptType.isBlank() && !"raw".equalsIgnoreCase(encryptType);
		String plain = body;
		if (encrypted) {
			if (!"aes".equalsIgnoreCase(encryptType) || config.getAesKey() == null || config.getAesKey().isBlank()) {
				throw new BadCallbackException("safe mode needs encrypt_type=aes and bot.wechat.aes-key");
			}
			String cipherText = SafeXml.child(outer, "Encrypt");
			if (cipherText == null || cipherText.isBlank()) {
				throw new BadCallbackException("a safe-mode body carries <Encrypt>");
			}
			if (msgSignature == null
					|| !same(SHA1.gen(config.getToken(), timestamp, nonce, cipherText), msgSignature)) {
				throw new ForgedCallbackException();
			}
			try {
				plain = new WxMpCryptUtil(config).decryptContent(msgSignature, timestamp, nonce, cipherText);
			}
			catch (WxRuntimeException | IllegalArgumentException ex) {
				throw new BadCallbackException("the <Encrypt> content does not decrypt with the EncodingAESKey");
			}
			SafeXml.parse(plain);
		}
		WxMpXmlMessage message;
		try {
			message = WxMpXmlMessage.fromXml(plain);
		}
		catch (RuntimeException ex) {
			throw new BadCallbackException("the message fields cannot be read");
		}
		if (blank(message.getFromUser()) || blank(message.getToUser()) || blank(message.getMsgType())) {
			throw new BadCallbackException("a message names FromUserName, ToUserName and MsgType");
		}
		return new Opened(message, encrypted);
	}

	/** The XML of a passive reply, encrypted and signed when the callback was. */
	String seal(WxMpXmlOutMessage reply, boolean encrypted) {
		return encrypted ? reply.toEncryptedXml(config) : reply.toXml();
	}

	private static boolean same(String expected, String given) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
