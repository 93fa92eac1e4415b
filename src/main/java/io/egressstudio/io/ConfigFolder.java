package io.egressstudio.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's Egress Studio configuration folder: {@code $XDG_CONFIG_HOME/egress-studio}, else
 * {@code ~/.config/egress-studio} (an XDG_CONFIG_HOME that is not absolute is ignored, as the XDG spec says).
 */
public final class ConfigFolder {
    private ConfigFolder() {
    }

    /** The folder for this process's environment and user. */
    public static Path get() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Path of(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return config.resolve("egress-studio");
    }
}
