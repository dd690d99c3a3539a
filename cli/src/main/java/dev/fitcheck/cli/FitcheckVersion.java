package dev.fitcheck.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar's manifest. */
final class FitcheckVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Fitcheck.class.getPackage().getImplementationVersion();
        return new String[] {"fitcheck " + (v == null ? "(development build)" : v)};
    }
}
