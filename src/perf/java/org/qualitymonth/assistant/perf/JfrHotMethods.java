package org.qualitymonth.assistant.perf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a Flight Recorder file (JDK 17's {@code jfr} tool has no "hot
 * methods" view): the methods the samples stop in (self), how the self time splits by library, and
 * the share of samples inside each method of the answer path (inclusive).
 */
public final class JfrHotMethods {

	/** Library of a frame, by package prefix; the first match wins. */
	private static final List<Map.Entry<String, String>> LIBRARIES = List.of(Map.entry("org.qualitymonth.", "assistant"),
			Map.entry("com.hankcs.", "HanLP"), Map.entry("opennlp.", "OpenNLP"), Map.entry("tools.jackson.", "Jackson"),
			Map.entry("com.fasterxml.jackson.", "Jackson"), Map.entry("org.apache.catalina.", "Tomcat"),
			Map.entry("org.apache.coyote.", "Tomcat"), Map.entry("org.apache.tomcat.", "Tomcat"),
			Map.entry("org.springframework.", "Spring"), Map.entry("io.micrometer.", "Micrometer"),
			Map.entry("com.github.benmanes.caffeine.", "Caffeine"), Map.entry("ch.qos.logback.", "Logback"),
			Map.entry("org.slf4j.", "Logback"), Map.entry("sun.nio.", "JDK I/O"), Map.entry("java.util.regex.", "JDK regex"),
			Map.entry("java.", "JDK other"), Map.entry("jdk.", "JDK other"), Map.entry("sun.", "JDK other"));

	/** Methods of the answer path whose inclusive share is reported. */
	private static final List<String> LANDMARKS = List.of("org.apache.coyote.http11.Http11Processor.service",
			"org.springframework.web.servlet.DispatcherServlet.doDispatch",
			"org.qualitymonth.assistant.channel.web.AskController.ask", "org.qualitymonth.assistant.chat.ChatService.ask",
			"org.qualitymonth.assistant.nlu.TextNormalizer.normalize",
			"org.qualitymonth.assistant.nlu.IntentClassifier.classifyNormalized",
			"org.qualitymonth.assistant.nlu.FeatureExtractor.features",
			"org.qualitymonth.assistant.nlu.FeatureExtractor.words", "com.hankcs.hanlp.HanLP.segment",
			"com.hankcs.hanlp.HanLP.convertToPinyinList", "com.hankcs.hanlp.HanLP.convertToSimplifiedChinese",
			"opennlp.tools.doccat.DocumentCategorizerME.categorize", "org.qualitymonth.assistant.nlu.ExampleIndex.nearest",
			"java.util.UUID.randomUUID");

	private JfrHotMethods() {
	}

	static String name(RecordedFrame frame) {
		RecordedMethod method = frame.getMethod();
		return method.getType().getName() + "." + method.getName();
	}

	static String library(String method) {
		return LIBRARIES.stream().filter(e -> method.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse("other");
	}

	/** Arguments: recording file, how many self methods to list (default 25). */
	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: JfrHotMethods <recording.jfr> [top]");
			System.exit(2);
		}
		int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> libraries = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			String leaf = name(frames.get(0));
			self.merge(leaf, 1, Integer::sum);
			libraries.merge(library(leaf), 1, Integer::sum);
			Set<String> seen = new HashSet<>();
			frames.forEach(f -> seen.add(name(f)));
			seen.stream().filter(LANDMARKS::contains).forEach(m -> inclusive.merge(m, 1, Integer::sum));
		}
		int n = Math.max(samples, 1);
		System.out.printf("%d CPU samples (jdk.ExecutionSample)%n%nself time by library:%n", samples);
		libraries.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
		System.out.printf("%nanswer path, inclusive (share of samples inside the method):%n");
		LANDMARKS.forEach(m -> System.out.printf("  %5.1f%%  %s%n", 100.0 * inclusive.getOrDefault(m, 0) / n, m));
		System.out.printf("%ntop %d self methods:%n", top);
		self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
			.forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
	}

}
