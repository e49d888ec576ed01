package org.qualitymonth.assistant;

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
		SpringApplication.run(AssistantApplication.class, args);
	}

}
