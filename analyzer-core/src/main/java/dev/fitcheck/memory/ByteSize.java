package dev.fitcheck.memory;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes. Parses what people write in configuration ("24 GiB", "3.8GB",
 * "400 MiB", "24564MiB", a plain byte count) and prints in binary units, the way nvidia-smi and
 * PyTorch count.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    public static final long KIB = 1024L;
    public static final long MIB = KIB * 1024;
    public static final long GIB = MIB * 1024;

    private static final Pattern FORM = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*",
            Pattern.CASE_INSENSITIVE);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a memory size cannot be negative: " + bytes);
        }
    }

    public static ByteSize ofMiB(double mib) {
        return new ByteSize(Math.round(mib * MIB));
    }

    public static ByteSize ofGiB(double gib) {
        return new ByteSize(Math.round(gib * GIB));
    }

    /**
     * Parses a size. Decimal units (GB, MB) are read as binary (GiB, MiB): people who write
     * "24 GB" for an RTX 4090 or "3.8GB" from nvidia-smi mean what nvidia-smi shows, which is MiB.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a memory size such as \"24 GiB\", \"3.8 GB\" or \"400 MiB\", got \"" + text + "\"");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> KIB;
            case 'm' -> MIB;
            case 'g' -> GIB;
            case 't' -> GIB * 1024;
            default -> 1;
        };
        return new ByteSize(number.multiply(BigDecimal.valueOf(factor)).longValue());
    }

    public double gib() {
        return bytes / (double) GIB;
    }

    public double mib() {
        return bytes / (double) MIB;
    }

    public ByteSize plus(ByteSize other) {
        return new ByteSize(bytes + other.bytes);
    }

    public ByteSize minusOrZero(ByteSize other) {
        return new ByteSize(Math.max(0, bytes - other.bytes));
    }

    /** "19.6 GiB", "400 MiB", "512 B": one decimal, the largest unit that keeps the number at 1 or more. */
    public String display() {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", gib());
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.0f MiB", mib());
        }
        if (bytes >= KIB) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / (double) KIB);
        }
        return bytes + " B";
    }

    @Override
    public int compareTo(ByteSize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return display();
    }
}
