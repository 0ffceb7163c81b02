package dev.tokenkeeper.server.support.web;

import java.util.List;
import java.util.Optional;
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
		return ofPresent(request, fetched, element -> Optional.of(mapper.apply(element)));
	}

	/**
	 * The same, leaving out the elements the mapper finds gone (empty), such as a row a concurrent
	 * request deleted after the page was read: they still count for where the next page starts.
	 */
	public static <S, T> RestPage<T> ofPresent(PageRequest request, List<S> fetched, Function<S, Optional<T>> mapper) {
		boolean last = fetched.size() <= request.limit();
		List<S> slice = fetched.stream().limit(request.limit()).toList();
		List<T> values = slice.stream().map(mapper).flatMap(Optional::stream).toList();
		Integer next = last ? null : request.start() + slice.size();
		return new RestPage<>(values.size(), request.limit(), last, values, request.start(), next);
	}

}
