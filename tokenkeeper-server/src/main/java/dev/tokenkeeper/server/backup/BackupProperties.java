package dev.tokenkeeper.server.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param directory where online backups of the embedded database are written */
@ConfigurationProperties("tokenkeeper.backup")
public record BackupProperties(Path directory) {
}
