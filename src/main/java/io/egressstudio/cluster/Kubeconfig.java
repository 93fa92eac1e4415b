package io.egressstudio.cluster;

import io.egressstudio.io.Redaction;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's kubeconfig, read as kubectl reads it: the files named by {@code KUBECONFIG} (separated by the path
 * separator; missing files skipped), or {@code ~/.kube/config}. Files are merged by kubectl's rules: the first file
 * that defines a context, cluster or user wins, and the first {@code current-context} wins. Relative certificate and
 * token paths are resolved against the file they appear in.
 *
 * <p>The API server's TLS certificate is always verified: a context whose cluster sets
 * {@code insecure-skip-tls-verify} is refused with a message that says how to fix it.
 */
public final class Kubeconfig {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<Path> files;
    private final ApiLimits limits;

    private Kubeconfig(List<Path> files, ApiLimits limits) {
        this.files = List.copyOf(files);
        this.limits = limits;
    }

    /** The same kubeconfig with other bounds on each request (tests use short ones). */
    public Kubeconfig withLimits(ApiLimits newLimits) {
        return new Kubeconfig(files, newLimits);
    }

    public ApiLimits limits() {
        return limits;
    }

    /** As kubectl: {@code KUBECONFIG} if set and not empty, else {@code ~/.kube/config}. */
    public static Kubeconfig fromEnvironment() {
        String home = System.getenv("HOME");
        return fromEnvironment(System.getenv(), Path.of(home != null && !home.isBlank() ? home
                : System.getProperty("user.home")));
    }

    public static Kubeconfig fromEnvironment(Map<String, String> environment, Path home) {
        String variable = environment.get("KUBECONFIG");
        List<Path> files = new ArrayList<>();
        if (variable != null && !variable.isBlank()) {
            for (String part : variable.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (!part.isBlank()) {
                    files.add(Path.of(part));
                }
            }
        } else {
            files.add(home.resolve(".kube").resolve("config"));
        }
        return new Kubeconfig(files, ApiLimits.DEFAULT);
    }

    public static Kubeconfig of(List<Path> files) {
        return new Kubeconfig(files, ApiLimits.DEFAULT);
    }

    public List<Path> files() {
        return files;
    }

    /** Every context of the merged kubeconfig, in file order. */
    public List<KubeContext> contexts() throws ClusterException {
        Merged merged = merge();
        List<KubeContext> out = new ArrayList<>();
        for (NamedContext context : merged.contexts.values()) {
            var c = context.getContext();
            String clusterName = c == null ? null : c.getCluster();
            NamedCluster cluster = clusterName == null ? null : merged.clusters.get(clusterName);
            out.add(new KubeContext(context.getName(), clusterName,
                    cluster == null || cluster.getCluster() == null ? null : cluster.getCluster().getServer(),
                    c == null ? null : c.getUser(), c == null ? null : c.getNamespace(),
                    context.getName().equals(merged.currentContext)));
        }
        return out;
    }

    public Optional<String> currentContext() throws ClusterException {
        return Optional.ofNullable(merge().currentContext);
    }

    /**
     * fabric8 warns on stderr each time it touches a v1alpha3/v1beta1 kind ("unstable version"); Maistra 2.x serves
     * Istio's networking API only in those versions, so for a user that warning is noise. slf4j-simple reads this
     * property when the logger is made, so it is set (unless the user set it) before the first client exists.
     */
    private static final String VERSION_WARNINGS =
            "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

    /**
     * vert.x logs an ERROR on stderr for each connection closed before its headers: what {@link BoundedAnswers} and
     * the request timeout do to a server that does not answer in time, which the ClusterException already says.
     */
    private static final String CANCELLED_CONNECTIONS =
            "org.slf4j.simpleLogger.log.io.vertx.core.net.impl.ConnectionBase";

    /** Connects with server-side apply as the write strategy (what a real cluster should get). */
    public ClusterConnection connect(String context) throws ClusterException {
        return connect(context, WriteStrategy.serverSideApply());
    }

    /**
     * Connects with the given write strategy: {@link WriteStrategy#CREATE_OR_UPDATE} for API servers without
     * server-side apply (fabric8's mock in the GUI's window test, which still reads its context from a kubeconfig).
     */
    public ClusterConnection connect(String context, WriteStrategy strategy) throws ClusterException {
        if (System.getProperty(VERSION_WARNINGS) == null) {
            System.setProperty(VERSION_WARNINGS, "error");
        }
        if (System.getProperty(CANCELLED_CONNECTIONS) == null) {
            System.setProperty(CANCELLED_CONNECTIONS, "off");
        }
        Config config = config(context);
        KubernetesClient client;
        try {
            client = new KubernetesClientBuilder().withConfig(config)
                    .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor(BoundedAnswers.NAME,
                            new BoundedAnswers(limits)))
                    .build();
        } catch (RuntimeException e) {
            if (missingClass(e) != null) {
                // not the user's credentials: the installation lacks a class the client loads (a jar left out)
                throw new ClusterException(ClusterException.Reason.KUBECONFIG, "cannot connect to context '" + context
                        + "': this installation of Egress Studio lacks a part of its Kubernetes client ("
                        + missingClass(e) + "); reinstall it, and report it if that does not help");
            }
            // fabric8 reads the client certificate and key here; its exception is not kept, it may quote them
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "cannot use the credentials of context '"
                    + context + "' from " + describeFiles() + ": " + Failures.rootMessage(e)
                    + " (check client-certificate and client-key, or their -data)");
        }
        return ClusterConnection.of(client, context, strategy);
    }

    /** The class a failure says is missing (ClassNotFoundException, NoClassDefFoundError anywhere in its causes), or null. */
    static String missingClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassNotFoundException || t instanceof NoClassDefFoundError) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** The fabric8 configuration for one context, TLS verification on. */
    Config config(String context) throws ClusterException {
        Merged merged = merge();
        NamedContext named = merged.contexts.get(context);
        if (named == null || named.getContext() == null) {
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "no context '" + context + "' in "
                    + describeFiles() + "; contexts: " + String.join(", ", merged.contexts.keySet()));
        }
        String clusterName = named.getContext().getCluster();
        NamedCluster cluster = clusterName == null ? null : merged.clusters.get(clusterName);
        if (cluster == null || cluster.getCluster() == null || cluster.getCluster().getServer() == null) {
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "context '" + context + "' names cluster '"
                    + clusterName + "', which " + describeFiles() + " does not define (with a server URL)");
        }
        String userName = named.getContext().getUser();
        if (userName != null && !merged.users.containsKey(userName)) {
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "context '" + context + "' names user '"
                    + userName + "', which " + describeFiles() + " does not define");
        }
        if (Boolean.TRUE.equals(cluster.getCluster().getInsecureSkipTlsVerify())) {
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "context '" + context + "': cluster '"
                    + clusterName + "' sets insecure-skip-tls-verify. Egress Studio always verifies the API server's "
                    + "certificate: set certificate-authority (or certificate-authority-data) to the cluster's CA "
                    + "instead (for OpenShift, the CA is in the kubeconfig that 'oc login' writes with a trusted CA)");
        }
        NamedAuthInfo user = userName == null ? null : merged.users.get(userName);
        rememberSecrets(user);
        refuseCredentialsInClear(context, clusterName, cluster.getCluster().getServer(), userName, user);
        io.fabric8.kubernetes.api.model.Config single = new io.fabric8.kubernetes.api.model.ConfigBuilder()
                .withApiVersion("v1").withKind("Config").withCurrentContext(context)
                .withContexts(named).withClusters(cluster)
                .withUsers(userName == null ? List.of() : List.of(merged.users.get(userName)))
                .build();
        Config config;
        try {
            config = Config.fromKubeconfig(SERIALIZATION.asYaml(single));
        } catch (RuntimeException e) {
            // the cause is not kept: fabric8's exception may quote the user's entry
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "cannot use context '" + context + "' from "
                    + describeFiles() + ": " + Failures.rootMessage(e));
        }
        return new ConfigBuilder(config)
                .withTrustCerts(false)
                .withDisableHostnameVerification(false)
                .withConnectionTimeout((int) Math.min(10_000, limits.deadline().toMillis()))
                // fabric8's (vert.x') request timeout is an idle timeout; BoundedAnswers holds the whole deadline
                .withRequestTimeout((int) limits.deadline().toMillis())
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /** Whatever a user's entry holds that is secret is redacted from every message from now on. */
    private static void rememberSecrets(NamedAuthInfo named) {
        AuthInfo user = named == null ? null : named.getUser();
        if (user == null) {
            return;
        }
        Redaction.remember(user.getToken());
        Redaction.remember(user.getPassword());
        Redaction.remember(user.getClientKeyData());
    }

    /**
     * A token or password sent to a plain {@code http://} server would travel in clear (kubectl sends it anyway):
     * refused, unless the server is this machine (a local proxy or tunnel), where nothing crosses a network.
     */
    private void refuseCredentialsInClear(String context, String clusterName, String server, String userName,
                                          NamedAuthInfo named) throws ClusterException {
        AuthInfo user = named == null ? null : named.getUser();
        if (user == null || !server.strip().toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
            return;
        }
        boolean credentials = notBlank(user.getToken()) || notBlank(user.getTokenFile()) || notBlank(user.getPassword())
                || user.getAuthProvider() != null || user.getExec() != null;
        if (!credentials || isLoopback(server)) {
            return;
        }
        throw new ClusterException(ClusterException.Reason.KUBECONFIG, "context '" + context + "': cluster '"
                + clusterName + "' is plain " + server + ", and user '" + userName + "' has a token or password, "
                + "which would travel in clear. Egress Studio does not send credentials over http://: use the API "
                + "server's https:// URL (with its CA as certificate-authority)");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean isLoopback(String server) {
        try {
            String host = java.net.URI.create(server.strip()).getHost();
            if (host == null) {
                return false;
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return host.equalsIgnoreCase("localhost") || host.equals("::1") || host.startsWith("127.");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String describeFiles() {
        return files.size() == 1 ? "kubeconfig " + files.get(0) : "kubeconfig files " + files;
    }

    /** The kubeconfig files merged by kubectl's rules. */
    private static final class Merged {
        final Map<String, NamedContext> contexts = new LinkedHashMap<>();
        final Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        final Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        String currentContext;
    }

    private Merged merge() throws ClusterException {
        Merged merged = new Merged();
        boolean any = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            any = true;
            io.fabric8.kubernetes.api.model.Config config;
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                config = text.isBlank() ? new io.fabric8.kubernetes.api.model.Config()
                        : SERIALIZATION.unmarshal(text, io.fabric8.kubernetes.api.model.Config.class);
            } catch (IOException | RuntimeException e) {
                throw new ClusterException(ClusterException.Reason.KUBECONFIG, "cannot read kubeconfig " + file + ": "
                        + syntaxError(e));
            }
            Path folder = file.toAbsolutePath().getParent();
            if (merged.currentContext == null && config.getCurrentContext() != null
                    && !config.getCurrentContext().isBlank()) {
                merged.currentContext = config.getCurrentContext();
            }
            for (NamedContext context : nonNull(config.getContexts())) {
                if (context.getName() != null) {
                    merged.contexts.putIfAbsent(context.getName(), context);
                }
            }
            for (NamedCluster cluster : nonNull(config.getClusters())) {
                if (cluster.getName() != null) {
                    merged.clusters.putIfAbsent(cluster.getName(), resolve(cluster, folder));
                }
            }
            for (NamedAuthInfo user : nonNull(config.getUsers())) {
                if (user.getName() != null) {
                    merged.users.putIfAbsent(user.getName(), resolve(user, folder));
                }
            }
        }
        if (!any) {
            throw new ClusterException(ClusterException.Reason.KUBECONFIG, "no kubeconfig found: "
                    + (files.size() == 1 ? files.get(0) + " does not exist" : "none of " + files + " exists")
                    + " (set KUBECONFIG, or log in with 'oc login' or 'kubectl config')");
        }
        return merged;
    }

    /**
     * Where a kubeconfig is broken and what the parser says, without the snippet of the file a YAML error quotes:
     * the broken line may be the one with the token. The cause is not kept, so no stack trace can print it either.
     */
    private static String syntaxError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // fabric8 reads YAML with snakeyaml-engine
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException yaml) {
                String where = yaml.getProblemMark().map(mark -> "line " + (mark.getLine() + 1) + ", column "
                        + (mark.getColumn() + 1) + ": ").orElse("");
                return where + Objects.requireNonNullElse(yaml.getProblem(), "not valid YAML");
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                var where = json.getLocation();
                return (where == null || where.getLineNr() < 1 ? "" : "line " + where.getLineNr() + ", column "
                        + where.getColumnNr() + ": ") + firstLine(json.getOriginalMessage());
            }
        }
        return firstLine(Failures.rootMessage(e));
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int newline = m.indexOf('\n');
        return Redaction.clean(newline < 0 ? m : m.substring(0, newline));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static NamedCluster resolve(NamedCluster named, Path folder) {
        Cluster cluster = named.getCluster();
        if (cluster == null || cluster.getCertificateAuthority() == null) {
            return named;
        }
        Cluster copy = new io.fabric8.kubernetes.api.model.ClusterBuilder(cluster)
                .withCertificateAuthority(absolute(cluster.getCertificateAuthority(), folder)).build();
        return new io.fabric8.kubernetes.api.model.NamedClusterBuilder(named).withCluster(copy).build();
    }

    private static NamedAuthInfo resolve(NamedAuthInfo named, Path folder) {
        AuthInfo user = named.getUser();
        if (user == null) {
            return named;
        }
        AuthInfo copy = new io.fabric8.kubernetes.api.model.AuthInfoBuilder(user)
                .withClientCertificate(absolute(user.getClientCertificate(), folder))
                .withClientKey(absolute(user.getClientKey(), folder))
                .withTokenFile(absolute(user.getTokenFile(), folder))
                .build();
        return new io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder(named).withUser(copy).build();
    }

    private static String absolute(String path, Path folder) {
        if (path == null || path.isBlank() || folder == null) {
            return path;
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? path : folder.resolve(p).normalize().toString();
    }
}
