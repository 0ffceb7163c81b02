package dev.tokenkeeper.server.project;

import java.util.List;

/**
 * Published inside the transaction that deletes a project or repository, so that what belongs
 * to it elsewhere (its tokens) goes in the same transaction.
 *
 * @param projectId the deleted project, or {@code null} when only repositories were deleted
 * @param repositoryIds the deleted repositories
 */
public record ResourceDeletedEvent(Long projectId, List<Long> repositoryIds) {
}
