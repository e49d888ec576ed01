package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For tests that change the shared application's intent files (imports, "add as
 * example"): puts the shipped files back and waits until the application serves them
 * again, so that the next test class meets the knowledge it expects.
 */
public final class SharedKnowledge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SharedKnowledge() {
	}

	public static void restore(RunningApp app) throws Exception {
		Path copy = Path.of(app.context().getEnvironment().getRequiredProperty("bot.intents-dir"));
		String before = status(app).path("lastReloadAt").asString("");
		if (!restoreFiles(copy)) {
			return;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode status = status(app);
			if (status.path("lastReloadOk").asBoolean() && !status.path("lastReloadAt").asString("").equals(before)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the shared application did not reload the restored intent files: " + status(app));
	}

	/**
	 * Makes {@code copy} hold exactly the shipped intent files; true when something had
	 * to change.
	 */
	static boolean restoreFiles(Path copy) throws IOException {
		boolean changed = false;
		try (Stream<Path> files = Files.list(copy)) {
			for (Path file : files.toList()) {
				if (!Files.exists(Path.of("intents").resolve(file.getFileName()))) {
					Files.delete(file);
					changed = true;
				}
			}
		}
		try (Stream<Path> files = Files.list(Path.of("intents"))) {
			for (Path shipped : files.toList()) {
				Path target = copy.resolve(shipped.getFileName());
				byte[] content = Files.readAllBytes(shipped);
				if (!Files.exists(target) || !Arrays.equals(content, Files.readAllBytes(target))) {
					Files.write(target, content);
					changed = true;
				}
			}
		}
		return changed;
	}

	private static JsonNode status(RunningApp app) throws Exception {
		return JSON.readTree(app.get("/api/v1/admin/knowledge", RunningApp.ADMIN_PASSWORD).body()).path("status");
	}

}
