package dev.tokenkeeper.server.support.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.IntegrityException;
import dev.tokenkeeper.server.support.ServiceException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What was wrong with a submitted form, for showing beside each field. A form is a record whose
 * components are its fields; an error a service raises about one of them (by its context) goes
 * beside that field, any other above the form. Errors other than invalid input (not found, not
 * allowed) pass on to the error page.
 */
public final class FormErrors {

	private final Set<String> fieldNames;

	private final Map<String, String> byField = new LinkedHashMap<>();

	private final List<String> general = new ArrayList<>();

	private FormErrors(Set<String> fieldNames) {
		this.fieldNames = fieldNames;
	}

	/** No errors yet, for a form of this record type. */
	public static FormErrors none(Class<? extends Record> form) {
		return new FormErrors(Arrays.stream(form.getRecordComponents())
			.map(component -> component.getName())
			.collect(Collectors.toUnmodifiableSet()));
	}

	/** The values that could not even be read (a number that is no number), as errors. */
	public static FormErrors of(Class<? extends Record> form, BindingResult binding) {
		FormErrors errors = none(form);
		for (FieldError error : binding.getFieldErrors()) {
			errors.add(error.getField(), error.isBindingFailure() ? "Enter a whole number." : error.getDefaultMessage());
		}
		return errors;
	}

	/** Runs the action unless there are errors already; a refused input becomes an error here. */
	public <T> Optional<T> attempt(Supplier<T> action) {
		if (any()) {
			return Optional.empty();
		}
		try {
			return Optional.of(action.get());
		}
		catch (ArgumentValidationException | IntegrityException ex) {
			add(ex);
			return Optional.empty();
		}
	}

	public boolean attempt(Runnable action) {
		return attempt(() -> {
			action.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	public void add(String field, String message) {
		if (field != null && this.fieldNames.contains(field)) {
			this.byField.putIfAbsent(field, message);
		}
		else {
			this.general.add(message);
		}
	}

	private void add(ServiceException ex) {
		add(ex.context(), ex.getMessage());
	}

	public boolean any() {
		return !this.byField.isEmpty() || !this.general.isEmpty();
	}

	public boolean has(String field) {
		return this.byField.containsKey(field);
	}

	public String get(String field) {
		return this.byField.get(field);
	}

	public List<String> general() {
		return List.copyOf(this.general);
	}

}
