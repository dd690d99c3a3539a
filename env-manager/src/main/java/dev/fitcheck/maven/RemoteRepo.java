package dev.fitcheck.maven;

/** A repository a project reads from (after mirrors): id and URL. */
public record RemoteRepo(String id, String url) {
}
