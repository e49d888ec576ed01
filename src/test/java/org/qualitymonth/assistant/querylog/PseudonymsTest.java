package org.qualitymonth.assistant.querylog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymsTest {

	@TempDir
	Path dataDir;

	@Test
	void givesTheSameSessionTheSamePseudonymAndNeverTheRawId() {
		Pseudonyms pseudonyms = Pseudonyms.of("a configured salt of some length", dataDir);
		String telegramChat = "123456789";
		assertThat(pseudonyms.of(telegramChat)).isEqualTo(pseudonyms.of(telegramChat))
			.hasSize(16)
			.matches("[0-9a-f]{16}")
			.doesNotContain(telegramChat);
		assertThat(pseudonyms.of("123456780")).isNotEqualTo(pseudonyms.of(telegramChat));
	}

	@Test
	void dependsOnTheSaltSoIdsCannotBeLookedUpWithoutIt() {
		assertThat(Pseudonyms.of("first salt, long enough", dataDir).of("42"))
			.isNotEqualTo(Pseudonyms.of("second salt, long enough", dataDir).of("42"));
	}

	@Test
	void hasNoPseudonymForAQuestionWithoutSession() {
		Pseudonyms pseudonyms = Pseudonyms.of("a configured salt of some length", dataDir);
		assertThat(pseudonyms.of(null)).isNull();
		assertThat(pseudonyms.of(" ")).isNull();
	}

	@Test
	void generatesASaltOnceAndKeepsItPrivateInTheDataDir() throws Exception {
		String first = Pseudonyms.of(null, dataDir).of("session-1");
		Path salt = dataDir.resolve(Pseudonyms.SALT_FILE);
		assertThat(salt).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(salt))).isEqualTo("rw-------");
		assertThat(Pseudonyms.of("", dataDir).of("session-1")).isEqualTo(first);
	}

	@Test
	void refusesADamagedSaltFileWithAClearMessage() throws Exception {
		Files.writeString(dataDir.resolve(Pseudonyms.SALT_FILE), "not base64 !!!", StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> Pseudonyms.of(null, dataDir)).hasMessageContaining("damaged");
	}

	@Test
	void refusesAShortConfiguredSalt() {
		assertThatThrownBy(() -> Pseudonyms.of("short", dataDir)).hasMessageContaining("at least 16 bytes");
	}

}
