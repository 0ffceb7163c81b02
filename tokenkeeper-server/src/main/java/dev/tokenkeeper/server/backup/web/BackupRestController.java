package dev.tokenkeeper.server.backup.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.backup.Backup;
import dev.tokenkeeper.server.backup.BackupService;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Takes an online backup of the embedded database into the server's backup directory (system administrators). */
@RestController
@TokenkeeperExtension
class BackupRestController {

	private final BackupService backups;

	BackupRestController(BackupService backups) {
		this.backups = backups;
	}

	@PostMapping("/rest/tokenkeeper/1.0/admin/backup")
	RestBackup create(@AuthenticationPrincipal Caller caller) {
		return RestBackup.of(this.backups.create(caller));
	}

	@JsonPropertyOrder({ "name", "size", "createdDate" })
	record RestBackup(String name, long size, long createdDate) {

		static RestBackup of(Backup backup) {
			return new RestBackup(backup.name(), backup.size(), backup.createdDate().toEpochMilli());
		}

	}

}
