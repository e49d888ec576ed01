package org.qualitymonth.assistant.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.querylog.Overview;
import org.qualitymonth.assistant.querylog.QueryLog;
import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.qualitymonth.assistant.querylog.UnansweredFilter;
import org.qualitymonth.assistant.querylog.UnansweredPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin pages: overview at {@code /admin}, the review list at
 * {@code /admin/unanswered}, conversations.
 */
@Controller
class AdminPageController {

	private static final int OVERVIEW_DAYS = 30;

	/**
	 * Conversations linked from a review group, and for how many groups (one query each).
	 */
	private static final int ASKERS = 3;

	private static final int ASKERS_FOR_GROUPS = 100;

	private final QueryLog queryLog;

	private final IntentChoices choices;

	private final KnowledgeReloader reloader;

	private final ReviewGrouping grouping;

	AdminPageController(QueryLog queryLog, IntentChoices choices, KnowledgeReloader reloader, ReviewGrouping grouping) {
		this.queryLog = queryLog;
		this.choices = choices;
		this.reloader = reloader;
		this.grouping = grouping;
	}

	@GetMapping("/admin/login")
	String login() {
		return "admin/login";
	}

	@GetMapping({ "/admin", "/admin/" })
	String overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, Model model) {
		LocalDate end = UnansweredQuery.date("to", to);
		end = end == null ? queryLog.today() : end;
		LocalDate start = UnansweredQuery.date("from", from);
		start = start == null ? end.minusDays(OVERVIEW_DAYS - 1) : start;
		String only = channel == null || channel.isBlank() ? null : channel.strip();
		if (only != null && !only.matches("[a-z0-9_-]{1,32}")) {
			throw new IllegalArgumentException("unknown channel " + only);
		}
		Overview overview = queryLog.overview(start, end, only);
		model.addAttribute("overview", overview);
		model.addAttribute("charts", OverviewCharts.of(overview));
		model.addAttribute("maxDay", overview.days().stream().mapToLong(Overview.Day::total).max().orElse(0));
		model.addAttribute("maxIntent",
				overview.topIntents().stream().mapToLong(Overview.IntentCount::count).max().orElse(0));
		model.addAttribute("titles", choices.titles());
		model.addAttribute("knowledge", KnowledgeView.of(reloader.status(), queryLog.zone()));
		return "admin/overview";
	}

	/**
	 * One pseudonymous user's questions in order, as stored (normalised and redacted):
	 * the context of a review group.
	 */
	@GetMapping("/admin/conversation")
	String conversation(@RequestParam String user, Model model) {
		if (!user.matches("[0-9a-f]{1,64}")) {
			throw new IllegalArgumentException("not a user pseudonym: " + user);
		}
		model.addAttribute("user", user);
		model.addAttribute("turns", queryLog.conversation(user));
		model.addAttribute("titles", choices.titles());
		return "admin/conversation";
	}

	@GetMapping("/admin/unanswered")
	String unanswered(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit, Model model) {
		UnansweredFilter filter = new UnansweredQuery(from, to, status, limit).toFilter(ReviewStatus.NEW.code());
		UnansweredPage page = queryLog.unanswered(filter);
		model.addAttribute("page", page);
		List<ReviewGroup> groups = grouping.group(page.groups());
		model.addAttribute("groups", groups);
		model.addAttribute("askers",
				groups.stream()
					.limit(ASKERS_FOR_GROUPS)
					.collect(Collectors.toMap(ReviewGroup::id, g -> queryLog.askers(g.texts(), ASKERS), (a, b) -> a)));
		model.addAttribute("from", filter.from());
		model.addAttribute("to", filter.to());
		model.addAttribute("status", filter.status() == null ? "all" : filter.status().code());
		model.addAttribute("statuses", List.of("new", "reviewed", "ignored", "added", "all"));
		model.addAttribute("intents", choices.intents());
		model.addAttribute("titles", choices.titles());
		model.addAttribute("csv", UnansweredQuery.back("/api/v1/admin/unanswered.csv", from, to, status));
		return "admin/unanswered";
	}

}
