package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command ({@code bin/run}) reads {@code config/jvm.options} as
 * documented: one option per line, {@code #} comments, blank lines and surrounding blanks
 * ignored. A stand-in java prints the command line it is given, one argument per line.
 */
class RunScriptTest {

	@TempDir
	Path project;

	@Test
	void appliesEveryOptionOfTheOptionsFileAndPassesTheArgumentsOn() throws Exception {
		Files.createDirectories(project.resolve("bin"));
		Files.copy(Path.of("bin/run"), project.resolve("bin/run"));
		Files.createDirectories(project.resolve("config"));
		Files.writeString(project.resolve("config/jvm.options"),
				"# the launch\n  -Xmx64m   # a comment after an option\n\t-Dqm.a=b c\t\n\n   \n# only a comment\n-Xss512k");
		Files.createDirectories(project.resolve("target"));
		Files.writeString(project.resolve("target/quality-month-assistant.jar"), "not built here");
		Path java = fakeJdk();

		ProcessBuilder run = new ProcessBuilder("bash", "bin/run", "--server.port=9", "two words")
			.directory(project.toFile())
			.redirectErrorStream(true);
		run.environment().put("JAVA", java.toString());
		run.environment().put("QM_ARCHIVE", "0");
		Process process = run.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output.lines().toList()).containsExactly("-Xmx64m", "-Dqm.a=b c", "-Xss512k", "-jar",
				"target/quality-month-assistant.jar", "--server.port=9", "two words");
	}

	/**
	 * A JDK directory whose java prints its arguments; bin/run reads the version from
	 * {@code release}.
	 */
	private Path fakeJdk() throws IOException {
		Path jdk = Files.createDirectories(project.resolve("jdk/bin"));
		Files.writeString(project.resolve("jdk/release"), "JAVA_VERSION=\"25.0.3\"\n");
		Path java = jdk.resolve("java");
		Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return java;
	}

}
