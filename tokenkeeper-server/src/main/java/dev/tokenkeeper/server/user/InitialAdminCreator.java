package dev.tokenkeeper.server.user;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On first start with an empty database, creates the system administrator. A generated
 * password is printed once to standard output (not to the log, which may be shipped elsewhere).
 * Of several nodes starting together on a new shared database, exactly one creates it. This
 * happens once every bean is ready and before the web server takes its first request, so no
 * client ever meets a server without its administrator.
 */
@Component
class InitialAdminCreator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

	private final UserService users;

	private final UserProperties properties;

	InitialAdminCreator(UserService users, UserProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.users.hasNoUsers()) {
			return;
		}
		boolean generated = !StringUtils.hasText(this.properties.adminPassword());
		String password = generated ? generatePassword() : this.properties.adminPassword();
		String name = this.properties.adminUsername();
		try {
			this.users.createInitialAdmin(new UserService.NewUser(name, password, "Administrator", name + "@localhost"));
		}
		catch (DuplicateUserException ex) {
			// Several nodes started at once on a new shared database, and another one was first.
			log.info("Another node created the system administrator '{}'", name);
			return;
		}
		log.info("Created the system administrator '{}'", name);
		if (generated) {
			System.out.printf("%n================================================================%n"
					+ "  Tokenkeeper created the system administrator.%n" + "    username: %s%n"
					+ "    password: %s%n"
					+ "  This password is shown only this once. Change it with%n"
					+ "  PUT /rest/api/1.0/users/credentials, or set TOKENKEEPER_ADMIN_PASSWORD%n"
					+ "  before the first start.%n"
					+ "================================================================%n%n", name, password);
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
