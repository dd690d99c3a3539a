/**
 * Downloading released distributions for catalogue builds: the release list and the files come
 * through pip, so the user's pip configuration (index URL, extra indexes, find-links, proxy,
 * certificates) applies unchanged; files land in a content-addressed cache in the user's cache
 * directory and are reused from there.
 */
package dev.fitcheck.fetch;
