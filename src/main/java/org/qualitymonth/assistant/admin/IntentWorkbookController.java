package org.qualitymonth.assistant.admin;

import org.qualitymonth.assistant.chat.ServingKnowledge;
import org.qualitymonth.assistant.chat.NotReadyException;
import org.qualitymonth.assistant.knowledge.IntentWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/intents.xlsx}: every serving intent as an Excel workbook.
 * Staff edit it and bring it back with {@code validate intents.xlsx} and
 * {@code import intents.xlsx}, which write the YAML files.
 */
@RestController
class IntentWorkbookController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ServingKnowledge serving;

	IntentWorkbookController(ServingKnowledge serving) {
		this.serving = serving;
	}

	@GetMapping("/api/v1/admin/intents.xlsx")
	ResponseEntity<byte[]> export() {
		var knowledge = serving.current().orElseThrow(() -> new NotReadyException());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("intents-" + knowledge.version() + ".xlsx")
						.build()
						.toString())
			.body(IntentWorkbook.export(knowledge.intents()));
	}

}
