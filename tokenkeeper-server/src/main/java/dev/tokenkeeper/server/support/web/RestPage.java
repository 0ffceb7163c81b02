package dev.tokenkeeper.server.support.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One page of a Bitbucket paged list; {@code nextPageStart} is present only before the last page. */
@JsonPropertyOrder({ "size", "limit", "isLastPage", "values", "start", "nextPageStart" })
public record RestPage<T>(int size, int limit, @JsonProperty("isLastPage") boolean isLastPage, List<T> values,
		int start, @JsonInclude(JsonInclude.Include.NON_NULL) Integer nextPageStart) {

	/**
	 * Builds a page from a slice fetched with {@link PageRequest#fetchSize()}: the extra
	 * element, if present, proves that another page follows and is dropped.
	 */
	public static <S, T> RestPage<T> of(PageRequest request, List<S> fetched, Function<S, T> mapper) {
		boolean last = fetched.size() <= request.limit();
		List<T> values = fetched.stream().limit(request.limit()).map(mapper).toList();
		Integer next = last ? null : request.start() + values.size();
		return new RestPage<>(values.size(), request.limit(), last, values, request.start(), next);
	}

}
