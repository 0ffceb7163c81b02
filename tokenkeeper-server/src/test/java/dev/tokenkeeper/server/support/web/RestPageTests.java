package dev.tokenkeeper.server.support.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Building a page from a slice fetched with one extra row. */
class RestPageTests {

	@Test
	void ofWhenOneMoreThanTheLimitFetchedThenNotLastAndNextPageStartFollows() {
		PageRequest request = new PageRequest(50, 10);

		RestPage<String> page = RestPage.of(request, numbers(50, request.fetchSize()), (n) -> "v" + n);

		assertThat(page.isLastPage()).isFalse();
		assertThat(page.nextPageStart()).isEqualTo(60);
		assertThat(page.size()).isEqualTo(10);
		assertThat(page.limit()).isEqualTo(10);
		assertThat(page.start()).isEqualTo(50);
		assertThat(page.values()).containsExactly("v50", "v51", "v52", "v53", "v54", "v55", "v56", "v57", "v58",
				"v59");
	}

	@Test
	void ofWhenExactlyTheLimitFetchedThenLastPageWithoutNextPageStart() {
		PageRequest request = new PageRequest(20, 5);

		RestPage<String> page = RestPage.of(request, numbers(20, 5), (n) -> "v" + n);

		assertThat(page.isLastPage()).isTrue();
		assertThat(page.nextPageStart()).isNull();
		assertThat(page.size()).isEqualTo(5);
		assertThat(page.limit()).isEqualTo(5);
		assertThat(page.start()).isEqualTo(20);
		assertThat(page.values()).containsExactly("v20", "v21", "v22", "v23", "v24");
	}

	@Test
	void ofWhenFewerThanTheLimitFetchedThenLastPageWithThoseValues() {
		RestPage<Integer> page = RestPage.of(new PageRequest(0, 25), numbers(0, 3), (n) -> n * 10);

		assertThat(page.isLastPage()).isTrue();
		assertThat(page.nextPageStart()).isNull();
		assertThat(page.size()).isEqualTo(3);
		assertThat(page.limit()).isEqualTo(25);
		assertThat(page.start()).isZero();
		assertThat(page.values()).containsExactly(0, 10, 20);
	}

	@Test
	void ofWhenNothingFetchedThenEmptyLastPage() {
		RestPage<Integer> page = RestPage.of(new PageRequest(100, 25), List.<Integer>of(), (n) -> n);

		assertThat(page.isLastPage()).isTrue();
		assertThat(page.nextPageStart()).isNull();
		assertThat(page.size()).isZero();
		assertThat(page.values()).isEmpty();
		assertThat(page.start()).isEqualTo(100);
	}

	@Test
	void ofWhenLimitIsOneAndTwoFetchedThenOneValueAndNextPageStartIsStartPlusOne() {
		RestPage<Integer> page = RestPage.of(new PageRequest(7, 1), numbers(7, 2), (n) -> n);

		assertThat(page.values()).containsExactly(7);
		assertThat(page.size()).isEqualTo(1);
		assertThat(page.isLastPage()).isFalse();
		assertThat(page.nextPageStart()).isEqualTo(8);
	}

	@Test
	void ofPresentWhenSomeElementsAreGoneThenLeftOutButCountedForTheNextPageStart() {
		PageRequest request = new PageRequest(10, 4);

		RestPage<Integer> page = RestPage.ofPresent(request, numbers(10, request.fetchSize()),
				(n) -> n % 2 == 0 ? Optional.of(n) : Optional.empty());

		assertThat(page.values()).containsExactly(10, 12);
		assertThat(page.size()).isEqualTo(2);
		assertThat(page.isLastPage()).isFalse();
		assertThat(page.nextPageStart()).isEqualTo(14);
	}

	private static List<Integer> numbers(int from, int count) {
		return IntStream.range(from, from + count).boxed().toList();
	}

}
