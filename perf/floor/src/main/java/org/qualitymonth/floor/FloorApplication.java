package org.qualitymonth.floor;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the framework alone costs per request: the assistant's {@code POST /api/v1/ask} with the same body parsing
 * and a small JSON reply, and nothing behind it. perf/compare-floor.sh divides the assistant's throughput by this.
 */
@SpringBootApplication
@RestController
public class FloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FloorApplication.class, args);
	}

	@PostMapping(path = "/api/v1/ask", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Answer ask(@RequestBody Map<String, Object> body) {
		Object text = body.get("text");
		if (!(text instanceof String question) || question.isBlank()) {
			throw new IllegalArgumentException("text must be a non-blank string");
		}
		return new Answer(true, "answered", question.length());
	}

	record Answer(boolean answered, String outcome, int length) {
	}

}
