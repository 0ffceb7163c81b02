package dev.tokenkeeper.server.support;

/** Rules for names people read: in lists, the command line, audit records and emails. */
public final class VisibleText {

	private VisibleText() {
	}

	/**
	 * Whether the text holds characters that are invisible or change how the text around them
	 * displays: controls, format characters (right-to-left overrides, zero-width spaces, byte order
	 * marks), lone surrogates, private-use and unassigned code points. "evil\u202Etxt.exe" must not
	 * pass for something else.
	 */
	public static boolean hasHiddenCharacters(String value) {
		return value.codePoints().anyMatch(codePoint -> switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
					Character.UNASSIGNED -> true;
			default -> false;
		});
	}

}
