package dev.fitcheck.cli;

import java.lang.management.ManagementFactory;

/**
 * The main class of the stand-in jar {@link LauncherTest} runs through {@code ./fitcheck}: it
 * prints its arguments, then whether the JVM maps a CDS archive, whether that is the launcher's, and
 * whether the launcher held the JIT to its first tier.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe " + String.join(" ", args));
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        boolean ours = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
        boolean firstTier = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
        System.out.println("sharing=" + sharing + " launcher-archive=" + ours + " first-tier-only=" + firstTier);
    }
}
