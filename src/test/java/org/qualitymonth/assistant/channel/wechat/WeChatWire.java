package org.qualitymonth.assistant.channel.wechat;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * WeChat's side of the callback protocol, written from WeChat's documentation and
 * independent of WxJava: the SHA-1 signatures, and the safe-mode AES envelope
 * (AES-256-CBC, the IV the key's first 16 bytes, 16 random bytes + 4-byte length +
 * message + AppID, PKCS#7 padding to 32 bytes).
 */
final class WeChatWire {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WeChatWire() {
	}

	static String signature(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String encrypt(String aesKey, String appId, String xml) {
		byte[] message = xml.getBytes(StandardCharsets.UTF_8);
		byte[] app = appId.getBytes(StandardCharsets.UTF_8);
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		int length = 16 + 4 + message.length + app.length;
		int pad = 32 - length % 32;
		ByteBuffer plain = ByteBuffer.allocate(length + pad);
		plain.put(random).putInt(message.length).put(message).put(app);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, aesKey, plain.array()));
	}

	/**
	 * The message inside {@code cipherText}; fails unless it was sealed for
	 * {@code appId}.
	 */
	static String decrypt(String aesKey, String appId, String cipherText) {
		byte[] plain = cipher(Cipher.DECRYPT_MODE, aesKey, Base64.getDecoder().decode(cipherText));
		int pad = plain[plain.length - 1];
		if (pad < 1 || pad > 32) {
			throw new IllegalStateException("bad padding " + pad);
		}
		ByteBuffer buffer = ByteBuffer.wrap(plain, 0, plain.length - pad);
		buffer.position(16);
		int length = buffer.getInt();
		byte[] message = new byte[length];
		buffer.get(message);
		byte[] app = new byte[buffer.remaining()];
		buffer.get(app);
		if (!appId.equals(new String(app, StandardCharsets.UTF_8))) {
			throw new IllegalStateException("sealed for another app id");
		}
		return new String(message, StandardCharsets.UTF_8);
	}

	private static byte[] cipher(int mode, String aesKey, byte[] input) {
		byte[] key = Base64.getDecoder().decode(aesKey + "=");
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String textMessage(String toUser, String fromUser, long createTime, String content, long msgId) {
		return "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName><FromUserName><![CDATA[" + fromUser
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
	}

	static String eventMessage(String toUser, String fromUser, long createTime, String event, String eventKey) {
		return "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName><FromUserName><![CDATA[" + fromUser
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[" + event + "]]></Event>"
				+ (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + "</xml>";
	}

	static String imageMessage(String toUser, String fromUser, long createTime, long msgId) {
		return "<xml><ToUserName><![CDATA[" + toUser + "]]></ToUserName><FromUserName><![CDATA[" + fromUser
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[image]]></MsgType>"
				+ "<PicUrl><![CDATA[http://127.0.0.1/none.jpg]]></PicUrl><MediaId><![CDATA[media]]></MediaId><MsgId>"
				+ msgId + "</MsgId></xml>";
	}

	/**
	 * The text of the first element {@code name} directly under the root of {@code xml}.
	 */
	static String field(String xml, String name) {
		try {
			Element root = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new InputSource(new StringReader(xml)))
				.getDocumentElement();
			for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element element && element.getTagName().equals(name)) {
					return element.getTextContent();
				}
			}
			return null;
		}
		catch (Exception ex) {
			throw new IllegalStateException("not XML: " + xml, ex);
		}
	}

}
