package dev.tokenkeeper.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 10m}, {@code 12h}, {@code 14d}, {@code 2w} (or ISO-8601 such as {@code PT10M}). */
final class Durations implements ITypeConverter<Duration> {

	private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

	@Override
	public Duration convert(String value) {
		return parse(value);
	}

	static Duration parse(String value) {
		Matcher matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(7 * amount);
			};
		}
		try {
			Duration duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
			if (duration.isNegative()) {
				throw new TypeConversionException("'" + value + "' is negative");
			}
			return duration;
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException("'" + value + "' is not a duration such as 10m, 12h, 14d or 2w");
		}
	}

}
