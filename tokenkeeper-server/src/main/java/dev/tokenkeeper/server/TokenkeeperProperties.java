package dev.tokenkeeper.server;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-wide settings.
 *
 * @param baseUrl the externally visible base URL, used for {@code links.self} hrefs
 * @param bitbucketStrict when {@code true}, every Tokenkeeper extension (endpoints and headers)
 * is switched off, so the server behaves exactly as Bitbucket
 */
@ConfigurationProperties("tokenkeeper")
public record TokenkeeperProperties(@DefaultValue("http://localhost:7990") URI baseUrl,
		@DefaultValue("false") boolean bitbucketStrict) {

	/** The base URL without a trailing slash, ready for appending absolute paths. */
	public String baseUrlPrefix() {
		String url = this.baseUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
