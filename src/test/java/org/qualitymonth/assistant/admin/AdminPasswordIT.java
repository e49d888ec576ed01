package org.qualitymonth.assistant.admin;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.RunningApp;
import org.qualitymonth.assistant.system.ValidationReport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordIT {

	static final Pattern PRINTED = Pattern.compile("password: ([A-Za-z0-9_-]{32})\\b");

	@TempDir
	Path dataDir;

	@Test
	void generatesAStrongPasswordWhenNoneIsSetAndPrintsItOnce(CapturedOutput output) throws Exception {
		try (RunningApp app = RunningApp.start(dataDir, "--bot.admin.password=")) {
			Matcher m = PRINTED.matcher(output.getAll());
			assertThat(m.find()).as("the generated password is printed").isTrue();
			String password = m.group(1);
			assertThat(m.find()).as("printed once").isFalse();
			assertThat(app.get("/api/v1/admin/unanswered", password).statusCode()).isEqualTo(200);
			assertThat(app.get("/api/v1/admin/unanswered", RunningApp.ADMIN_PASSWORD).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void neverPrintsAConfiguredPassword(CapturedOutput output) throws Exception {
		String configured = "configured-secret-4711";
		try (RunningApp app = RunningApp.start(dataDir, "--bot.admin.password=" + configured)) {
			assertThat(app.get("/api/v1/admin/unanswered", configured).statusCode()).isEqualTo(200);
		}
		assertThat(output.getAll()).doesNotContain(configured);
		assertThat(PRINTED.matcher(output.getAll()).find()).isFalse();
	}

	@Test
	void refusesATooShortPasswordAtStartUp() {
		assertThatThrownBy(() -> RunningApp.start(dataDir, "--bot.admin.password=seven77"))
			.satisfies(failure -> assertThat(ValidationReport.of(failure))
				.containsExactly("passwordLongEnough: bot.admin.password is too short: use at least "
						+ AdminSettings.MIN_PASSWORD_LENGTH + " characters"));
	}

	@Test
	void generatedPasswordsDiffer() {
		assertThat(AdminSecurityConfiguration.generatePassword()).hasSize(32)
			.isNotEqualTo(AdminSecurityConfiguration.generatePassword());
	}

}
