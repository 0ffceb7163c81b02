package dev.tokenkeeper.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.tokenkeeper.client.AccessToken;

/** Tokens as a table (one row each) or as a list of fields (one token). */
final class TokenView {

	private static final String[] HEADERS = { "ID", "NAME", "PERMISSIONS", "CREATED", "LAST USED", "EXPIRES" };

	private final TimeFormat time;

	TokenView(TimeFormat time) {
		this.time = time;
	}

	void table(PrintWriter out, List<AccessToken> tokens) {
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (AccessToken token : tokens) {
			rows.add(new String[] { token.id(), token.name(), String.join(",", token.permissions()),
					this.time.date(token.createdDate()), this.time.lastUsed(token.lastAuthenticated()),
					this.time.expiryWithDate(token.expiryDate()) });
		}
		int[] widths = new int[HEADERS.length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
			}
			out.println(line.toString().stripTrailing());
		}
	}

	void details(PrintWriter out, AccessToken token) {
		field(out, "ID", token.id());
		field(out, "Name", token.name());
		field(out, "Permissions", String.join(", ", token.permissions()));
		field(out, "Created", this.time.dateTime(token.createdDate()) + " (" + this.time.ago(token.createdDate()) + ")");
		field(out, "Last used", token.lastAuthenticated() == null ? "never"
				: this.time.dateTime(token.lastAuthenticated()) + " (" + this.time.ago(token.lastAuthenticated()) + ")");
		field(out, "Expires", token.expiryDate() == null ? "never"
				: this.time.dateTime(token.expiryDate()) + " (" + this.time.expiry(token.expiryDate()) + ")");
		if (token.expiryDays() != null) {
			field(out, "Lifetime", token.expiryDays() + " days");
		}
		if (token.user() != null) {
			field(out, "User", token.user().name()
					+ (token.user().displayName() == null ? "" : " (" + token.user().displayName() + ")"));
		}
	}

	/** When a token expires, with its date. */
	String expiry(AccessToken token) {
		return this.time.expiryWithDate(token.expiryDate());
	}

	/** One line about a token, as in "123456789012 "deploy" (REPO_WRITE, PROJECT_READ), expires ...". */
	String summary(AccessToken token) {
		return token.id() + " \"" + token.name() + "\" (" + String.join(", ", token.permissions()) + "), expires "
				+ this.time.expiryWithDate(token.expiryDate());
	}

	private static void field(PrintWriter out, String name, String value) {
		out.printf("%-12s %s%n", name, value);
	}

}
