package org.qualitymonth.assistant.system;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.AssistantApplication;

import static org.assertj.core.api.Assertions.assertThat;

class StaffCommandsTest {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

	private String output() {
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private int run(String input, String... args) {
		return StaffCommands.run(args, out, new BufferedReader(new StringReader(input)));
	}

	@Test
	void serverSettingsStartTheServerButAnyWordRunsTheTools() {
		assertThat(StaffCommands.handles(new String[0])).isFalse();
		assertThat(StaffCommands.handles(new String[] { "--server.port=8081" })).isFalse();
		assertThat(StaffCommands.handles(new String[] { "help" })).isTrue();
		assertThat(StaffCommands.handles(new String[] { "--help" })).isTrue();
		assertThat(StaffCommands.handles(new String[] { "validat" })).isTrue();
	}

	@Test
	void helpPrintsUsageInChineseAndEnglishAndSucceeds() {
		for (String help : List.of("help", "--help", "-h")) {
			bytes.reset();
			assertThat(run("", help)).isZero();
			assertThat(output()).contains("用法 / Usage", "validate", "检查意图文件", "check the intent files", "chat", "eval");
		}
	}

	@Test
	void unknownCommandPrintsUsageWithTheLikelyCommandAndFails() {
		assertThat(run("", "validat")).isEqualTo(StaffCommands.USAGE_ERROR);
		assertThat(output()).contains("没有“validat”这个命令", "Unknown command \"validat\"", "您是不是想输入：validate",
				"用法 / Usage");
	}

	@Test
	void unrelatedWordGetsNoGuess() {
		assertThat(run("", "serve")).isEqualTo(StaffCommands.USAGE_ERROR);
		assertThat(output()).doesNotContain("您是不是想输入");
	}

	@Test
	void missingIntentsDirectoryIsOneLineAndExitTwo(@TempDir Path empty) {
		Path missing = empty.resolve("intents");
		assertThat(run("", "validate", "--intents=" + missing)).isEqualTo(StaffCommands.MISSING_FILES);
		assertThat(output().strip().lines()).singleElement()
			.satisfies(line -> assertThat(line).contains("找不到意图文件目录", missing.toString(), "--intents="));
	}

	@Test
	void missingNoticeIsOneLineAndExitTwo(@TempDir Path empty) {
		Path missing = empty.resolve("notice.txt");
		assertThat(run("", "chat", "--notice=" + missing)).isEqualTo(StaffCommands.MISSING_FILES);
		assertThat(output().strip().lines()).singleElement()
			.satisfies(line -> assertThat(line).contains("找不到通知原文", missing.toString(), "--notice="));
	}

	@Test
	void validateSummarisesInChinese() {
		assertThat(run("", "validate")).isZero();
		assertThat(output()).contains("检查通过：").contains("个意图");
	}

	@Test
	void chatShowsAnswerSourceAndNumberedChoicesThatANumberSelects() {
		assertThat(run("质量月的主题是什么\n1\n\n", "chat")).isZero();
		String text = output();
		assertThat(text).contains("建设质量强国", "出处：一、活动主题", "您可能还想了解：", "  1. ").doesNotContain("Choice[", "Reply[");
		// "1" pressed the first related button: a second reply, for another intent,
		// chosen rather than classified
		List<String> details = text.lines().filter(l -> l.contains("（识别结果")).toList();
		assertThat(details).hasSize(2);
		assertThat(details.get(0)).contains("intent=theme");
		assertThat(details.get(1)).contains("outcome=answered", "confidence=1.000").doesNotContain("intent=theme");
	}

	@Test
	void helpFromTheRealMainExitsZeroWithoutStartingTheServer() throws IOException, InterruptedException {
		Process help = java("help");
		String printed = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(help.exitValue()).isZero();
		assertThat(printed).contains("用法 / Usage").doesNotContain("Tomcat", "Spring", "Exception");
	}

	@Test
	void typoFromTheRealMainExitsNonZeroWithUsage() throws IOException, InterruptedException {
		Process typo = java("validat");
		String printed = new String(typo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(typo.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(typo.exitValue()).isEqualTo(StaffCommands.USAGE_ERROR);
		assertThat(printed).contains("用法 / Usage", "validate").doesNotContain("Tomcat", "Exception");
	}

	private static Process java(String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-cp", System.getProperty("java.class.path"), AssistantApplication.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

}
