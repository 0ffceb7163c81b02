package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.support.NoSuchEntityException;

public class NoSuchAccessTokenException extends NoSuchEntityException {

	public NoSuchAccessTokenException(String tokenId) {
		super("Access token " + (tokenId.length() <= 40 ? tokenId : tokenId.substring(0, 40) + "...")
				+ " does not exist.");
	}

}
