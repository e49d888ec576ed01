package org.qualitymonth.assistant.admin;

import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.KnowledgeStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/knowledge}: which knowledge base is serving, and how the last
 * reload went (with the file and line of the last error). Behind the admin login like all
 * of /api/v1/admin.
 */
@RestController
class KnowledgeStatusController {

	private final KnowledgeReloader reloader;

	KnowledgeStatusController(KnowledgeReloader reloader) {
		this.reloader = reloader;
	}

	/** The status plus the directory it watches. */
	record Body(String directory, KnowledgeStatus status) {
	}

	@GetMapping(path = "/api/v1/admin/knowledge", produces = "application/json")
	Body knowledge() {
		return new Body(reloader.directory().toAbsolutePath().normalize().toString(), reloader.status());
	}

}
