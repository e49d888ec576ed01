package org.qualitymonth.assistant.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.qualitymonth.assistant.chat.AssistantState;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.Problem;
import org.qualitymonth.assistant.querylog.Overview;
import org.qualitymonth.assistant.querylog.QueryLog;
import org.qualitymonth.assistant.querylog.QueryLogUnavailableException;
import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.qualitymonth.assistant.querylog.UnansweredFilter;
import org.qualitymonth.assistant.querylog.UnansweredPage;
import org.qualitymonth.assistant.system.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The admin pages: overview at {@code /admin}, the review list at {@code /admin/unanswered}, and their actions. */
@Controller
class AdminPageController {

	private static final int OVERVIEW_DAYS = 30;

	/** Conversations linked from a review group, and for how many groups (one query each). */
	private static final int ASKERS = 3;

	private static final int ASKERS_FOR_GROUPS = 100;

	private final QueryLog queryLog;

	private final AssistantState state;

	private final IntentExamples examples;

	private final KnowledgeReloader reloader;

	private final ReviewGrouping grouping;

	AdminPageController(QueryLog queryLog, AssistantState state, IntentExamples examples, KnowledgeReloader reloader,
			ReviewGrouping grouping) {
		this.queryLog = queryLog;
		this.state = state;
		this.examples = examples;
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
		model.addAttribute("maxIntent", overview.topIntents().stream().mapToLong(Overview.IntentCount::count).max().orElse(0));
		model.addAttribute("titles", titles());
		model.addAttribute("knowledge", KnowledgeView.of(reloader.status(), queryLog.zone()));
		return "admin/overview";
	}

	/** One pseudonymous user's questions in order, as stored (normalised and redacted): the context of a review group. */
	@GetMapping("/admin/conversation")
	String conversation(@RequestParam String user, Model model) {
		if (!user.matches("[0-9a-f]{1,64}")) {
			throw new IllegalArgumentException("not a user pseudonym: " + user);
		}
		model.addAttribute("user", user);
		model.addAttribute("turns", queryLog.conversation(user));
		model.addAttribute("titles", titles());
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
		model.addAttribute("askers", groups.stream()
			.limit(ASKERS_FOR_GROUPS)
			.collect(Collectors.toMap(ReviewGroup::id, g -> queryLog.askers(g.texts(), ASKERS), (a, b) -> a)));
		model.addAttribute("from", filter.from());
		model.addAttribute("to", filter.to());
		model.addAttribute("status", filter.status() == null ? "all" : filter.status().code());
		model.addAttribute("statuses", List.of("new", "reviewed", "ignored", "added", "all"));
		model.addAttribute("intents", intents());
		model.addAttribute("titles", titles());
		model.addAttribute("csv", back("/api/v1/admin/unanswered.csv", from, to, status));
		return "admin/unanswered";
	}

	/** Moves every wording of a review group to {@code status}. */
	@PostMapping("/admin/unanswered/status")
	String review(HttpServletRequest request, @RequestParam String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String filter, RedirectAttributes flash) {
		List<String> text = values(request, "text");
		ReviewStatus newStatus = ReviewStatus.parse(status);
		text.forEach(t -> queryLog.review(t, newStatus, null));
		flash.addFlashAttribute("message", Messages.get("admin.review.done", String.join("”“", text),
				Messages.get("admin.status." + newStatus.code())));
		flash.addFlashAttribute("ok", true);
		return "redirect:" + back("/admin/unanswered", from, to, filter);
	}

	/** Adds the (possibly edited) wordings of a review group as examples of one intent, in one edit and reload. */
	@PostMapping("/admin/unanswered/example")
	String addExample(HttpServletRequest request, @RequestParam(required = false) String intent,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String filter, RedirectAttributes flash) {
		List<String> text = values(request, "text");
		List<String> example = values(request, "example");
		if (intent == null || intent.isBlank()) {
			// the form preselects nothing: a guess preselected is one careless click from teaching the bot nonsense
			flash.addFlashAttribute("message", Messages.get("admin.example.chooseIntent"));
			flash.addFlashAttribute("ok", false);
			return "redirect:" + back("/admin/unanswered", from, to, filter);
		}
		IntentExamples.Result result = examples.add(intent, example.stream().filter(e -> !e.isBlank()).toList());
		if (result.added()) {
			text.forEach(t -> queryLog.review(t, ReviewStatus.ADDED, intent));
		}
		flash(flash, result, intent);
		return "redirect:" + back("/admin/unanswered", from, to, filter);
	}

	/**
	 * Every value of a repeated form field, as sent: {@code @RequestParam List<String>} would split a single value at
	 * its commas, and staff's wordings may contain commas.
	 */
	private static List<String> values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length == 0) {
			throw new IllegalArgumentException("missing form field " + name);
		}
		return List.of(values);
	}

	/** The outcome of an edit for the next page, naming the intent by its title as staff know it. */
	private void flash(RedirectAttributes flash, IntentExamples.Result result, String intent) {
		List<Object> args = new java.util.ArrayList<>(result.args());
		if (!args.isEmpty() && intent.equals(args.get(0))) {
			args.set(0, titles().getOrDefault(intent, intent));
		}
		String key = result.added() && Intent.OUT_OF_SCOPE.equals(intent) ? result.messageKey() + ".outOfScope"
				: result.messageKey();
		flash.addFlashAttribute("message", Messages.get(key, args.toArray()));
		flash.addFlashAttribute("ok", result.added());
		flash.addFlashAttribute("problems", result.problems().stream().map(AdminPageController::describe).toList());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(IllegalArgumentException ex, Model model) {
		model.addAttribute("message", ex.getMessage());
		return "admin/error";
	}

	@ExceptionHandler(QueryLogUnavailableException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(QueryLogUnavailableException ex, Model model) {
		model.addAttribute("message", Messages.get("admin.unavailable"));
		return "admin/error";
	}

	/** A link back to a page with only the filter parameters (never a URL taken from the request). */
	private static String back(String path, String from, String to, String status) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (UnansweredQuery.date("from", from) != null) {
			uri.queryParam("from", from.strip());
		}
		if (UnansweredQuery.date("to", to) != null) {
			uri.queryParam("to", to.strip());
		}
		if (status != null && !status.isBlank()) {
			uri.queryParam("status", status.equalsIgnoreCase("all") ? "all" : ReviewStatus.parse(status).code());
		}
		return uri.encode().build().toUriString();
	}

	/** The intents a question can be added to; out of scope has a button of its own. */
	private List<Choice> intents() {
		return state.current()
			.map(s -> s.knowledge()
				.intents()
				.stream()
				.filter(i -> !i.isOutOfScope())
				.map(i -> new Choice(i.id(), i.title()))
				.toList())
			.orElse(List.of());
	}

	private Map<String, String> titles() {
		return state.current()
			.map(s -> s.knowledge().intents().stream().collect(Collectors.toMap(Intent::id, Intent::title, (a, b) -> a)))
			.orElse(Map.of());
	}

	private static String describe(Problem p) {
		return p.file() + (p.line() > 0 ? ":" + p.line() : "") + " " + p.chinese();
	}

}
