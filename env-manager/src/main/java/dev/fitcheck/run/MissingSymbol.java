package dev.fitcheck.run;

import dev.fitcheck.env.EnvironmentContents;
import dev.fitcheck.env.InstalledDistribution;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "cannot import name 'X' from 'Y'": the code asks a package for a name the installed release does
 * not have. Diagnosed with the symbol history (when X existed in Y) and the installed version.
 */
final class MissingSymbol {

    static final Pattern MESSAGE = Pattern.compile("cannot import name '([A-Za-z_][A-Za-z0-9_]*)' from '([A-Za-z_][A-Za-z0-9_.]*)'");

    private MissingSymbol() {
    }

    static Optional<Diagnosis> diagnose(String text, SymbolHistory history, Optional<EnvironmentContents> contents) {
        Matcher m = MESSAGE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        String module = m.group(2);
        String top = module.split("\\.", 2)[0];
        Optional<InstalledDistribution> dist = contents.flatMap(c -> c.providing(top));
        Optional<String> installed = dist.map(InstalledDistribution::version);
        Optional<SymbolChange> change = history.lookup(module, name, installed);
        String installedText = dist.map(d -> d.displayName() + " " + d.version() + " is installed").orElse("");
        String diagnosis = change.map(SymbolChange::sentence).orElse(name + " is not in " + module
                + (installedText.isEmpty() ? "" : " as installed (" + installedText + ")")
                + "; no API catalogue for " + top + " says in which releases it exists");
        String fix = change.flatMap(c -> c.firstPresent().map(f -> "run this model with " + c.distribution() + " >="
                + f + "," + (c.removedIn().map(r -> "<" + r).orElse("<=" + c.lastPresent().orElse(f)))
                + " in its own environment (fitcheck env create), or port the code to the API of the installed release"))
                .orElse("install a release of " + top + " that has " + name + ", or port the code to the installed API");
        return Optional.of(new Diagnosis("missing-symbol", "missing symbol " + name, "api", diagnosis, fix,
                Map.of("name", name, "module", module, "installed", installed.orElse("")), m.group()));
    }
}
