/**
 * Reading a released distribution without installing, extracting or executing it: a wheel, an
 * sdist (.tar.gz or .zip) or an installed directory, entry by entry in memory, with limits that
 * keep a corrupt or hostile archive from doing harm (paths that escape, links, bombs).
 */
package dev.fitcheck.distribution;
