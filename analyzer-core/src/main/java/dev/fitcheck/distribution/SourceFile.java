package dev.fitcheck.distribution;

/**
 * A Python module inside a distribution.
 *
 * @param path       the entry's path inside the archive
 * @param module     its dotted module name
 * @param isPackage  an {@code __init__.py}
 * @param size       its uncompressed size as the archive declares it
 * @param contentKey a key that equal contents share ({@code sha256:...} from a wheel's RECORD,
 *                   checked against the entry's size and CRC), or null when only reading tells
 */
public record SourceFile(String path, String module, boolean isPackage, long size, String contentKey) {
}
