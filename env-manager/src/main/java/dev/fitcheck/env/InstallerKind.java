package dev.fitcheck.env;

/** The installer that builds an environment: uv when present, else venv and pip. */
public enum InstallerKind {
    UV("uv"),
    PIP("venv + pip");

    private final String display;

    InstallerKind(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
