package org.qualitymonth.assistant.admin;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.Problem;
import org.qualitymonth.assistant.querylog.QueryLog;
import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What staff do with a review group: change its status, or add its wordings as examples
 * of an intent.
 */
@Controller
class ReviewActionsController {

	private final QueryLog queryLog;

	private final IntentExamples examples;

	private final IntentChoices choices;

	private final MessageSourceAccessor messages;

	ReviewActionsController(QueryLog queryLog, IntentExamples examples, IntentChoices choices, MessageSource messages) {
		this.messages = new MessageSourceAccessor(messages, Locale.SIMPLIFIED_CHINESE);
		this.queryLog = queryLog;
		this.examples = examples;
		this.choices = choices;
	}

	/** Moves every wording of a review group to {@code status}. */
	@PostMapping("/admin/unanswered/status")
	String review(HttpServletRequest request, @RequestParam String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String filter,
			RedirectAttributes flash) {
		List<String> text = values(request, "text");
		ReviewStatus newStatus = ReviewStatus.parse(status);
		text.forEach(t -> queryLog.review(t, newStatus, null));
		flash.addFlashAttribute("message", messages.getMessage("admin.review.done",
				new Object[] { String.join("”“", text), messages.getMessage("admin.status." + newStatus.code()) }));
		flash.addFlashAttribute("ok", true);
		return "redirect:" + UnansweredQuery.back("/admin/unanswered", from, to, filter);
	}

	/**
	 * Adds the (possibly edited) wordings of a review group as examples of one intent, in
	 * one edit and reload.
	 */
	@PostMapping("/admin/unanswered/example")
	String addExample(HttpServletRequest request, @RequestParam(required = false) String intent,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String filter, RedirectAttributes flash) {
		List<String> text = values(request, "text");
		List<String> example = values(request, "example");
		if (intent == null || intent.isBlank()) {
			// the form preselects nothing: a guess preselected is one careless click from
			// teaching the bot nonsense
			flash.addFlashAttribute("message", messages.getMessage("admin.example.chooseIntent"));
			flash.addFlashAttribute("ok", false);
			return "redirect:" + UnansweredQuery.back("/admin/unanswered", from, to, filter);
		}
		IntentExamples.Result result = examples.add(intent, example.stream().filter(e -> !e.isBlank()).toList());
		if (result.added()) {
			text.forEach(t -> queryLog.review(t, ReviewStatus.ADDED, intent));
		}
		flash(flash, result, intent);
		return "redirect:" + UnansweredQuery.back("/admin/unanswered", from, to, filter);
	}

	/**
	 * Every value of a repeated form field, as sent: {@code @RequestParam List<String>}
	 * would split a single value at its commas, and staff's wordings may contain commas.
	 */
	private static List<String> values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length == 0) {
			throw new IllegalArgumentException("missing form field " + name);
		}
		return List.of(values);
	}

	/**
	 * The outcome of an edit for the next page, naming the intent by its title as staff
	 * know it.
	 */
	private void flash(RedirectAttributes flash, IntentExamples.Result result, String intent) {
		List<Object> args = new java.util.ArrayList<>(result.args());
		if (!args.isEmpty() && intent.equals(args.get(0))) {
			args.set(0, choices.titles().getOrDefault(intent, intent));
		}
		String key = result.added() && Intent.OUT_OF_SCOPE.equals(intent) ? result.messageKey() + ".outOfScope"
				: result.messageKey();
		flash.addFlashAttribute("message", messages.getMessage(key, args.toArray()));
		flash.addFlashAttribute("ok", result.added());
		flash.addFlashAttribute("problems", result.problems().stream().map(ReviewActionsController::describe).toList());
	}

	private static String describe(Problem p) {
		return p.file() + (p.line() > 0 ? ":" + p.line() : "") + " " + p.chinese();
	}

}
