package dev.tokenkeeper.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a Bitbucket paged list.
 *
 * @param size how many values this page holds
 * @param limit the page size the server applied
 * @param isLastPage whether no page follows
 * @param values the values
 * @param start the index of the first value
 * @param nextPageStart where the next page starts, or {@code null} on the last page
 * @param <T> the type of the values
 */
public record Page<T>(int size, int limit, @JsonProperty("isLastPage") boolean isLastPage, List<T> values, int start,
		Integer nextPageStart) {

	/** Copies {@code values}; a missing list becomes empty. */
	public Page {
		values = (values == null) ? List.of() : List.copyOf(values);
	}

}
