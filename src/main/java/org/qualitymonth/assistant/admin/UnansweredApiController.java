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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/unanswered} (JSON) and {@code /api/v1/admin/unanswered.csv}:
 * unanswered questions grouped by text, filtered by {@code from}/{@code to} (days,
 * inclusive), {@code status} (new, reviewed, ignored, added or all; default all) and
 * {@code limit}.
 */
@RestController
class UnansweredApiController {

	private final QueryLog queryLog;

	private final ReviewGrouping grouping;

	UnansweredApiController(QueryLog queryLog, ReviewGrouping grouping) {
		this.queryLog = queryLog;
		this.grouping = grouping;
	}

	@GetMapping(path = "/api/v1/admin/unanswered", produces = MediaType.APPLICATION_JSON_VALUE)
	Response unanswered(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
		UnansweredFilter filter = new UnansweredQuery(from, to, status, limit).toFilter("all");
		UnansweredPage page = queryLog.unanswered(filter);
		return Response.of(page, grouping.group(page.groups()));
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
			.body(UnansweredCsv.write(grouping.group(page.groups())));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(QueryLogUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(QueryLogUnavailableException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE,
				"the query log database is unavailable; queries are kept and appear when it is back");
	}

	private static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
		return ApiProblems.response(status, message);
	}

	/**
	 * The JSON body: the filter as applied, how many wordings match, the wordings
	 * ({@code groups}, each with the id of its group by meaning) and the groups by
	 * meaning.
	 */
	record Response(String from, String to, String status, int limit, long total, List<Group> groups,
			List<MeaningGroup> meaningGroups) {

		static Response of(UnansweredPage page, List<ReviewGroup> meaning) {
			UnansweredFilter f = page.filter();
			Map<String, String> groupOf = new java.util.HashMap<>();
			meaning.forEach(m -> m.texts().forEach(text -> groupOf.put(text, m.id())));
			return new Response(f.from() == null ? null : f.from().toString(),
					f.to() == null ? null : f.to().toString(), f.status() == null ? "all" : f.status().code(),
					f.limit(), page.total(),
					page.groups().stream().map(g -> Group.of(g, groupOf.get(g.text()))).toList(),
					meaning.stream().map(MeaningGroup::of).toList());
		}

	}

	/** One unanswered question and how often, when and where it was asked. */
	record Group(String text, long count, OffsetDateTime firstSeen, OffsetDateTime lastSeen, List<String> channels,
			List<UnansweredGroup.IntentShare> topIntents, String status, String addedTo, String groupId) {

		static Group of(UnansweredGroup g, String groupId) {
			return new Group(g.text(), g.count(), g.firstSeen(), g.lastSeen(), g.channels(), g.topIntents(),
					g.status().code(), g.addedTo(), groupId);
		}

	}

	/**
	 * Wordings that ask the same thing: the representative first, a few more, and the
	 * intents nearest to them.
	 */
	record MeaningGroup(String id, long count, int wordingCount, List<String> wordings, OffsetDateTime firstSeen,
			OffsetDateTime lastSeen, List<UnansweredGroup.IntentShare> nearestIntents, String status) {

		private static final int SHOWN = 5;

		static MeaningGroup of(ReviewGroup g) {
			return new MeaningGroup(g.id(), g.count(), g.wordings().size(),
					g.texts().subList(0, Math.min(SHOWN, g.texts().size())), g.firstSeen(), g.lastSeen(),
					g.nearestIntents(), g.status().code());
		}

	}

}
