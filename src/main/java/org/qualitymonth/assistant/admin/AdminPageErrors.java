package org.qualitymonth.assistant.admin;

import org.qualitymonth.assistant.querylog.QueryLogUnavailableException;
import org.qualitymonth.assistant.system.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A bad filter or form value, and a query log that is away, as admin pages rather than error codes. */
@ControllerAdvice(assignableTypes = { AdminPageController.class, ReviewActionsController.class })
class AdminPageErrors {

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

}
