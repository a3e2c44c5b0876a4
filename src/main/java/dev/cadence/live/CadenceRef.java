package dev.cadence.live;

/**
 * A cadence the store has enrollments in: where its file was at enroll time, so that each tick
 * reloads (and revalidates) the cadence as it is now, and the hash of the text its due times were
 * computed from.
 */
public record CadenceRef(String id, String path, String hash) {}
