/**
 * What a model declares it needs: one {@link dev.fitcheck.manifest.Requirement} model (PEP 508 with
 * pip's extensions) and readers for requirements files, pyproject.toml, conda environment files and
 * install scripts, picked by {@link dev.fitcheck.manifest.ManifestReader}. Every requirement keeps
 * the file and line it came from; malformed input is an {@link dev.fitcheck.evidence.InputError}
 * naming both.
 */
package dev.fitcheck.manifest;
