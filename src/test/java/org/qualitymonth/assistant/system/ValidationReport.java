package org.qualitymonth.assistant.system;

import java.util.List;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring's binding-validation report says about settings that stopped start-up, for
 * tests of the {@code @Validated} settings records.
 */
public final class ValidationReport {

	private ValidationReport() {
	}

	/**
	 * Each broken constraint as "field: reason"; fails unless start-up failed for
	 * settings that broke their constraints.
	 */
	public static List<String> of(Throwable startupFailure) {
		Throwable cause = NestedExceptionUtils.getRootCause(startupFailure);
		assertThat(cause).isInstanceOf(BindValidationException.class);
		return ((BindValidationException) cause).getValidationErrors()
			.getAllErrors()
			.stream()
			.map(error -> ((FieldError) error).getField() + ": " + error.getDefaultMessage())
			.toList();
	}

}
