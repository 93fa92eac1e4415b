package io.egressstudio.cluster;

import java.util.List;

/**
 * What the permission check (SelfSubjectAccessReview) found.
 *
 * @param denied    each a sentence such as "patch ServiceEntry in greetings-client"
 * @param unchecked why the check could not be made, or null when it was
 */
public record Permissions(List<String> denied, String unchecked) {
    public Permissions {
        denied = List.copyOf(denied);
    }

    public static Permissions allowed() {
        return new Permissions(List.of(), null);
    }

    public boolean ok() {
        return denied.isEmpty();
    }
}
