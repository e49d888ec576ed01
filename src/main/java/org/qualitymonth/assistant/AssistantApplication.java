package org.qualitymonth.assistant;

import org.qualitymonth.assistant.nlu.FeatureExtractor;
import org.qualitymonth.assistant.nlu.TextNormalizer;
import org.qualitymonth.assistant.system.StaffCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the assistant; {@code validate}, {@code chat} and {@code eval} run the staff tools instead. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssistantApplication {

	public static void main(String[] args) {
		if (StaffCommands.handles(args)) {
			System.exit(StaffCommands.run(args, new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8)));
		}
		warmUpChineseDictionaries();
		SpringApplication.run(AssistantApplication.class, args);
	}

	/**
	 * HanLP loads its dictionaries on first use, which takes about a second; doing it while Spring
	 * starts the rest shortens the time to the first answer. The loader waits for it if it gets there first.
	 */
	private static void warmUpChineseDictionaries() {
		Thread warmUp = new Thread(() -> new FeatureExtractor().features(new TextNormalizer().normalize("質量月主題")),
				"hanlp-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

}
