/**
 * API catalogues: for a package, which modules, names and class members exist in which of its
 * released versions. The model is ecosystem-neutral (module, name, member, signature, modifiers,
 * version ranges): Python wheels fill it through {@link dev.fitcheck.catalogue.PythonReleaseReader},
 * Maven jars through {@code dev.fitcheck.java.JavaCatalogueBuilder} (module = Java package, name =
 * binary class name, member = method by name and descriptor or field by name, signature = JVM
 * descriptor). A catalogue's versions are its {@link dev.fitcheck.catalogue.VersionAxis}: labels in
 * the order of its {@link dev.fitcheck.catalogue.Ecosystem} (PEP 440 for pypi, Maven's for maven).
 *
 * <p>Entry points: {@link dev.fitcheck.catalogue.CatalogueStore} reads and writes catalogues,
 * {@link dev.fitcheck.catalogue.CatalogueDirectory} keeps every ecosystem's in one store,
 * {@link dev.fitcheck.catalogue.ApiCatalogue} answers queries, and
 * {@link dev.fitcheck.catalogue.CatalogueBuilder} builds or extends a Python one from release archives.
 */
package dev.fitcheck.catalogue;
