package dev.tokenkeeper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The profile file, {@code ~/.config/tokenkeeper/config.properties} (or under
 * {@code $XDG_CONFIG_HOME}, or {@code $TK_CONFIG}): named profiles as {@code <profile>.<key>},
 * keys {@code server}, {@code user}, {@code password}, {@code token}, {@code insecure}.
 */
final class Profiles {

	static final String DEFAULT = "default";

	private static final Set<String> KEYS = Set.of("server", "user", "password", "token", "insecure");

	private final Path file;

	private final Properties properties;

	private Profiles(Path file, Properties properties) {
		this.file = file;
		this.properties = properties;
	}

	static Path location(TkEnvironment env, Path explicit) {
		if (explicit != null) {
			return explicit;
		}
		if (env.variable("TK_CONFIG") != null) {
			return Path.of(env.variable("TK_CONFIG"));
		}
		Path configHome = env.variable("XDG_CONFIG_HOME") != null ? Path.of(env.variable("XDG_CONFIG_HOME"))
				: env.home().resolve(".config");
		return configHome.resolve("tokenkeeper").resolve("config.properties");
	}

	/** Reads the file; a missing file is an empty one. Warns when it holds secrets others can read. */
	static Profiles load(Path file, PrintWriter err) {
		Properties properties = new Properties();
		if (!Files.isRegularFile(file)) {
			return new Profiles(file, properties);
		}
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.USAGE, "cannot read the profile file " + file + ": " + ex.getMessage());
		}
		for (String name : properties.stringPropertyNames()) {
			int dot = name.lastIndexOf('.');
			if (dot < 1 || !KEYS.contains(name.substring(dot + 1))) {
				throw CliException.usage("the profile file " + file + " has an unknown key '" + name
						+ "'; keys are <profile>." + String.join("|", KEYS.stream().sorted().toList()));
			}
		}
		warnIfSecretsAreExposed(file, properties, err);
		return new Profiles(file, properties);
	}

	boolean has(String profile) {
		return this.properties.stringPropertyNames().stream().anyMatch(name -> name.startsWith(profile + "."));
	}

	Path file() {
		return this.file;
	}

	/** The profile's values, by key. */
	Map<String, String> profile(String profile) {
		Map<String, String> values = new java.util.HashMap<>();
		for (String key : KEYS) {
			String value = this.properties.getProperty(profile + "." + key);
			if (value != null && !value.isBlank()) {
				values.put(key, value.strip());
			}
		}
		return values;
	}

	private static void warnIfSecretsAreExposed(Path file, Properties properties, PrintWriter err) {
		boolean holdsSecrets = properties.stringPropertyNames()
			.stream()
			.anyMatch(name -> name.endsWith(".password") || name.endsWith(".token"));
		if (!holdsSecrets) {
			return;
		}
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
				err.println("tk: warning: " + file + " holds a password or token but others may read it;"
						+ " run: chmod 600 " + file);
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Not a POSIX file system: nothing to check.
		}
	}

}
