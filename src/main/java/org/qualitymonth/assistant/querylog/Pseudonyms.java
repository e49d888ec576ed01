package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a session id (a Telegram chat id, a browser's random id) into a stable pseudonym:
 * a keyed hash (HMAC-SHA-256 with a secret salt), so the same citizen can be counted
 * without the raw id ever being stored and without the pseudonym being reversible by
 * trying all ids.
 */
final class Pseudonyms {

	static final String SALT_FILE = "querylog.salt";

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

	Pseudonyms(byte[] salt) {
		if (salt.length < 16) {
			throw new IllegalArgumentException("the pseudonym salt must be at least 16 bytes long");
		}
		this.key = new SecretKeySpec(salt.clone(), "HmacSHA256");
	}

	/**
	 * The configured salt, or the one kept in {@code dataDir} (generated there on first
	 * use).
	 */
	static Pseudonyms of(String configuredSalt, Path dataDir) {
		if (configuredSalt != null && !configuredSalt.isBlank()) {
			return new Pseudonyms(configuredSalt.getBytes(StandardCharsets.UTF_8));
		}
		return new Pseudonyms(storedSalt(dataDir.resolve(SALT_FILE)));
	}

	/** 16 hex digits; null when there is no session to identify. */
	String of(String sessionId) {
		if (sessionId == null || sessionId.isBlank()) {
			return null;
		}
		byte[] hash = mac.get().doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(hash, 0, 8);
	}

	/** A Mac per thread: looking one up costs more than the hash itself. */
	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] storedSalt(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] salt = new byte[32];
				new SecureRandom().nextBytes(salt);
				Files.createDirectories(file.toAbsolutePath().getParent());
				try {
					createPrivate(file);
					Files.writeString(file, Base64.getEncoder().encodeToString(salt) + "\n", StandardCharsets.US_ASCII);
				}
				catch (FileAlreadyExistsException raced) {
					// another process created it first: use theirs
				}
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the pseudonym salt " + file.toAbsolutePath(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("the pseudonym salt " + file.toAbsolutePath()
					+ " is damaged (not Base64); restore it from a backup, or delete it to start new pseudonyms", ex);
		}
	}

	private static void createPrivate(Path file) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
	}

}
