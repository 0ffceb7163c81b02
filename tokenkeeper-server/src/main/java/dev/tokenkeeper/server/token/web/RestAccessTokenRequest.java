package dev.tokenkeeper.server.token.web;

import java.util.List;

/** The body of create (PUT) and update (POST): every field optional at this level; the service validates. */
record RestAccessTokenRequest(String name, List<String> permissions, Integer expiryDays) {
}
