package dev.tokenkeeper.server.backup;

import java.time.Instant;

/** A backup file: its name in the backup directory, its size in bytes, and when it was taken. */
public record Backup(String name, long size, Instant createdDate) {
}
