package io.egressstudio.cluster;

/**
 * A kubeconfig context as a user picks it: never its token or keys.
 *
 * @param namespace the context's default namespace, or null
 * @param current   whether it is the kubeconfig's current-context
 */
public record KubeContext(String name, String cluster, String server, String user, String namespace, boolean current) {
}
