package dev.cadence.live;

/**
 * How far an IMAP folder has been read: every message up to {@code lastUid} under this {@code
 * uidValidity} was handled. A new UIDVALIDITY means the server renumbered the folder: it is read
 * again from the start, and what was already handled is recognised by its Message-ID or content.
 */
public record FolderMark(long uidValidity, long lastUid) {}
