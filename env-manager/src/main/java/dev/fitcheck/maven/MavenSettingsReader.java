package dev.fitcheck.maven;

import dev.fitcheck.evidence.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;

/** Reads settings.xml with Maven's settings builder (interpolation, global and user merged). */
public final class MavenSettingsReader {

    private MavenSettingsReader() {
    }

    /** ~/.m2/settings.xml and $MAVEN_HOME/conf/settings.xml, where they exist. */
    public static MavenSettings readDefault() {
        return read(Optional.empty());
    }

    /** {@code userSettings} (as {@code mvn -s} takes it) in place of ~/.m2/settings.xml when given. */
    public static MavenSettings read(Optional<Path> userSettings) {
        userSettings.ifPresent(f -> {
            if (!Files.isRegularFile(f)) {
                throw new InputError(f + ": expected a Maven settings.xml, found no such file");
            }
        });
        Path user = userSettings.orElse(Path.of(System.getProperty("user.home"), ".m2", "settings.xml"));
        Optional<Path> global = Optional.ofNullable(System.getenv("MAVEN_HOME"))
                .or(() -> Optional.ofNullable(System.getenv("M2_HOME")))
                .map(h -> Path.of(h, "conf", "settings.xml"));
        return read(user, global);
    }

    public static MavenSettings read(Path userSettings, Optional<Path> globalSettings) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        List<Path> sources = new ArrayList<>();
        globalSettings.filter(Files::isRegularFile).ifPresent(g -> {
            request.setGlobalSettingsFile(g.toFile());
            sources.add(g);
        });
        if (Files.isRegularFile(userSettings)) {
            request.setUserSettingsFile(userSettings.toFile());
            sources.add(userSettings);
        }
        request.setSystemProperties(System.getProperties());
        Settings settings;
        try {
            settings = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            SettingsProblem p = e.getProblems().stream()
                    .filter(x -> x.getSeverity() != SettingsProblem.Severity.WARNING)
                    .findFirst().orElse(e.getProblems().get(0));
            Path file = p.getSource() == null || p.getSource().isEmpty() ? userSettings : Path.of(p.getSource());
            throw new InputError(file, Math.max(p.getLineNumber(), 0),
                    "expected a valid Maven settings file: " + p.getMessage());
        }
        Path local = settings.getLocalRepository() == null || settings.getLocalRepository().isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(settings.getLocalRepository());
        return new MavenSettings(local, settings.isOffline(), settings, sources);
    }
}
