package dev.fitcheck.env;

/**
 * Builds a virtual environment from a spec with a real installer. Provisioners never install a
 * package themselves; they prepare the installer's input files and run it.
 */
public interface Provisioner {

    InstallerKind kind();

    ProvisionResult provision(ProvisionRequest request);
}
