package org.qualitymonth.assistant.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.qualitymonth.assistant.querylog.QueryLog;
import org.qualitymonth.assistant.querylog.QueryLogUnavailableException;
import org.qualitymonth.assistant.querylog.UnansweredFilter;
import org.qualitymonth.assistant.querylog.UnansweredGroup;
import org.qualitymonth.assistant.querylog.UnansweredPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/unanswered} (JSON) and {@code /api/v1/admin/unanswered.csv}: unanswered questions
 * grouped by text, filtered by {@code from}/{@code to} (days, inclusive), {@code status}
 * (new, reviewed, ignored, added or all; default all) and {@code limit}.
 */
@RestController
class UnansweredApiController {

	private final QueryLog queryLog;

	UnansweredApiController(QueryLog queryLog) {
		this.queryLog = queryLog;
	}

	@GetMapping(path = "/api/v1/admin/unanswered", produces = MediaType.APPLICATION_JSON_VALUE)
	Response unanswered(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
		UnansweredFilter filter = new UnansweredQuery(from, to, status, limit).toFilter("all");
		return Response.of(queryLog.unanswered(filter));
	}

	@GetMapping(path = "/api/v1/admin/unanswered.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
		UnansweredFilter filter = new UnansweredQuery(from, to, status, limit).toFilter("all");
		UnansweredPage page = queryLog.unanswered(filter);
		String name = "unanswered-" + (filter.from() == null ? "start" : filter.from()) + "-to-"
				+ (filter.to() == null ? queryLog.today() : filter.to()) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(UnansweredCsv.write(page.groups()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(QueryLogUnavailableException.class)
	ResponseEntity<Map<String, Object>> unavailable(QueryLogUnavailableException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE,
				"the query log database is unavailable; queries are kept and appear when it is back");
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", message));
	}

	/** The JSON body: the filter as applied, how many groups match, and the groups. */
	record Response(String from, String to, String status, int limit, long total, List<Group> groups) {

		static Response of(UnansweredPage page) {
			UnansweredFilter f = page.filter();
			return new Response(f.from() == null ? null : f.from().toString(), f.to() == null ? null : f.to().toString(),
					f.status() == null ? "all" : f.status().code(), f.limit(), page.total(),
					page.groups().stream().map(Group::of).toList());
		}

	}

	/** One unanswered question and how often, when and where it was asked. */
	record Group(String text, long count, OffsetDateTime firstSeen, OffsetDateTime lastSeen, List<String> channels,
			List<UnansweredGroup.IntentShare> topIntents, String status, String addedTo) {

		static Group of(UnansweredGroup g) {
			return new Group(g.text(), g.count(), g.firstSeen(), g.lastSeen(), g.channels(), g.topIntents(),
					g.status().code(), g.addedTo());
		}

	}

}
