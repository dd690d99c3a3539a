package dev.fitcheck.maven;

import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Settings' mirrors, proxies and server credentials turned into the resolver's selectors, as
 * Maven's own bootstrap does. Encrypted passwords ({@code {...}} with settings-security.xml) are
 * passed through as written: fitcheck does not decrypt them.
 */
final class RepositorySelectors {

    private RepositorySelectors() {
    }

    static MirrorSelector mirrors(Settings settings) {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            selector.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(), m.getMirrorOfLayouts());
        }
        return selector;
    }

    static ProxySelector proxies(Settings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (Proxy p : settings.getProxies()) {
            if (!p.isActive()) continue;
            var auth = p.getUsername() == null ? null
                    : new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword()).build();
            selector.add(new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth),
                    p.getNonProxyHosts());
        }
        return selector;
    }

    static AuthenticationSelector authentication(Settings settings) {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            AuthenticationBuilder b = new AuthenticationBuilder();
            if (s.getUsername() != null) b.addUsername(s.getUsername());
            if (s.getPassword() != null) b.addPassword(s.getPassword());
            if (s.getPrivateKey() != null) b.addPrivateKey(s.getPrivateKey(), s.getPassphrase());
            selector.add(s.getId(), b.build());
        }
        return selector;
    }
}
