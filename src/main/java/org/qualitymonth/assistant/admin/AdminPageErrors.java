package org.qualitymonth.assistant.admin;

import java.util.Locale;

import org.qualitymonth.assistant.querylog.QueryLogUnavailableException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A bad filter or form value, and a query log that is away, as admin pages rather than
 * error codes.
 */
@ControllerAdvice(assignableTypes = { AdminPageController.class, ReviewActionsController.class })
class AdminPageErrors {

	private final MessageSourceAccessor messages;

	AdminPageErrors(MessageSource messages) {
		this.messages = new MessageSourceAccessor(messages, Locale.SIMPLIFIED_CHINESE);
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
		model.addAttribute("message", messages.getMessage("admin.unavailable"));
		return "admin/error";
	}

}
