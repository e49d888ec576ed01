package org.qualitymonth.assistant;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.qualitymonth.assistant.nlu.ChineseDictionaries;
import org.qualitymonth.assistant.system.StaffCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the assistant when given no command (only {@code --name=value} settings); any
 * command word ({@code validate}, {@code chat}, {@code eval}, {@code help} or a typo)
 * runs the staff tools instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssistantApplication {

	public static void main(String[] args) {
		if (StaffCommands.handles(args)) {
			System.exit(StaffCommands.run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
		}
		warmUpChineseDictionaries();
		SpringApplication.run(AssistantApplication.class, args);
	}

	/**
	 * HanLP loads its dictionaries on first use, which takes about a second; doing it
	 * while Spring starts the rest shortens the time to the first answer. The loader and
	 * the first question wait for it if they get there first.
	 */
	private static void warmUpChineseDictionaries() {
		Thread warmUp = new Thread(ChineseDictionaries::load, "hanlp-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

}
