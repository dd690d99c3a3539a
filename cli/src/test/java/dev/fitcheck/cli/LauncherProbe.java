package dev.fitcheck.cli;

import java.lang.management.ManagementFactory;

/**
 * The main class of the stand-in jar {@link LauncherTest} runs through {@code ./fitcheck}: it
 * prints its arguments, then whether the JVM maps a CDS archive and whether that is the launcher's.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe " + String.join(" ", args));
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        boolean ours = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
        System.out.println("sharing=" + sharing + " launcher-archive=" + ours);
    }
}
