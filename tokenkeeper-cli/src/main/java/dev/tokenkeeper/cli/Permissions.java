package dev.tokenkeeper.cli;

import java.util.Locale;

import picocli.CommandLine.TypeConversionException;

/** Reads {@code read|write|admin} or the full names ({@code PROJECT_READ}, {@code REPO_ADMIN}). */
final class Permissions {

	private Permissions() {
	}

	static String project(String value) {
		return parse("PROJECT_", value);
	}

	static String repository(String value) {
		return parse("REPO_", value);
	}

	private static String parse(String prefix, String value) {
		String upper = value.strip().toUpperCase(Locale.ROOT);
		String level = upper.startsWith(prefix) ? upper.substring(prefix.length()) : upper;
		if (!level.equals("READ") && !level.equals("WRITE") && !level.equals("ADMIN")) {
			throw new TypeConversionException("'" + value + "' is not one of read, write, admin (or " + prefix
					+ "READ, " + prefix + "WRITE, " + prefix + "ADMIN)");
		}
		return prefix + level;
	}

	static final class Project implements picocli.CommandLine.ITypeConverter<String> {

		@Override
		public String convert(String value) {
			return project(value);
		}

	}

	static final class Repository implements picocli.CommandLine.ITypeConverter<String> {

		@Override
		public String convert(String value) {
			return repository(value);
		}

	}

}
