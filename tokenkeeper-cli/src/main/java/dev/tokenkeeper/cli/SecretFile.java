package dev.tokenkeeper.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import dev.tokenkeeper.client.Secret;

/**
 * Writes a secret to a file that only its owner can read. The file is created with
 * {@code rw-------} from its first moment (never created open and narrowed afterwards), filled
 * under a temporary name beside the target, and moved into place atomically, so a reader sees
 * either the old secret or the whole new one.
 */
final class SecretFile {

	private SecretFile() {
	}

	/** Fails before anything is created on the server when the secret could not be written afterwards. */
	static void checkWritable(Path target) {
		Path directory = target.toAbsolutePath().getParent();
		if (directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
			throw CliException.usage("cannot write " + target + ": its directory does not exist or is not writable");
		}
		if (Files.isDirectory(target)) {
			throw CliException.usage("cannot write " + target + ": it is a directory");
		}
	}

	static void write(Path target, Secret secret) {
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new CliException(ExitCodes.USAGE, "cannot write " + target + ": its directory does not exist");
		}
		Path temporary = directory.resolve("." + absolute.getFileName() + ".tk-" + ProcessHandle.current().pid());
		try {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			throw new CliException(ExitCodes.SERVER,
					"cannot write " + target + " with owner-only permissions on this file system");
		}
		catch (FileAlreadyExistsException ex) {
			throw new CliException(ExitCodes.SERVER, "cannot write " + target + ": " + temporary + " is in the way");
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.SERVER, "cannot write " + target + ": " + ex.getMessage());
		}
		try {
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				writer.write(secret.reveal());
				writer.write('\n');
			}
			Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ignored) {
				// Only the owner can read it; it names itself as tk's.
			}
			throw new CliException(ExitCodes.SERVER, "cannot write " + target + ": " + ex.getMessage());
		}
	}

}
