/**
 * API catalogues: for a package, which modules, names and class members exist in which of its
 * released versions. The model is ecosystem-neutral (module, name, member, signature, version
 * ranges): Python wheels fill it through {@link dev.fitcheck.catalogue.PythonReleaseReader}, and
 * the Java side can fill the same model from jars.
 *
 * <p>Entry points: {@link dev.fitcheck.catalogue.CatalogueStore} reads and writes catalogues,
 * {@link dev.fitcheck.catalogue.ApiCatalogue} answers queries, and
 * {@link dev.fitcheck.catalogue.CatalogueBuilder} builds or extends one from release archives.
 */
package dev.fitcheck.catalogue;
