package io.egressstudio.telemetry;

import io.egressstudio.telemetry.TelemetryException.Kind;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Kiali's graph API on {@code java.net.http}. The base URL includes Kiali's web root ({@code http://host:20001/kiali}
 * on a plain Istio install, the Route's root on OpenShift). Authentication, as Kiali's strategies take it:
 * <ul>
 *   <li>{@link Auth#BEARER}: {@code Authorization: Bearer TOKEN} on each request (strategies {@code openshift} and
 *       {@code header});</li>
 *   <li>{@link Auth#TOKEN_LOGIN}: {@code POST /api/authenticate} with the token once, then Kiali's session cookie
 *       (strategy {@code token}); logs in again when the session has expired;</li>
 *   <li>{@link Auth#NONE}: strategy {@code anonymous}.</li>
 * </ul>
 */
public final class KialiClient {
    /** The appenders asked for: locks (securityPolicy) and ServiceEntry nodes (serviceEntry) among them. */
    public static final String APPENDERS = "deadNode,istio,serviceEntry,securityPolicy";

    public enum Auth { NONE, BEARER, TOKEN_LOGIN }

    private final EndpointLocator locator;
    private final HttpSettings settings;
    private final Auth auth;
    private final HttpClient http;
    private volatile boolean loggedIn;

    public KialiClient(EndpointLocator locator, HttpSettings settings, Auth auth) {
        this.locator = locator;
        this.auth = auth == null ? (settings.bearerToken() == null ? Auth.NONE : Auth.BEARER) : auth;
        if (this.auth != Auth.NONE && settings.bearerToken() == null) {
            throw new IllegalArgumentException("Kiali authentication " + this.auth + " needs a token");
        }
        this.settings = settings;
        HttpClient.Builder builder = settings.clientBuilder();
        if (this.auth == Auth.TOKEN_LOGIN) {
            builder.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        }
        this.http = builder.build();
    }

    public KialiClient(URI base, HttpSettings settings, Auth auth) {
        this(EndpointLocator.fixed(base), settings, auth);
    }

    public String describe() {
        return locator.describe();
    }

    /** The query of the graph call: a workload graph with service nodes, as Kiali's UI asks for it. */
    public static String graphQuery(Collection<String> namespaces, Duration duration) {
        return "namespaces=" + URLEncoder.encode(String.join(",", new TreeSet<>(namespaces)), StandardCharsets.UTF_8)
                + "&graphType=workload&duration=" + PromQl.duration(duration) + "&injectServiceNodes=true"
                + "&appenders=" + URLEncoder.encode(APPENDERS, StandardCharsets.UTF_8)
                + "&rateHttp=requests&rateTcp=sent";
    }

    /** The graph of the namespaces over the last {@code duration}. */
    public KialiGraph graph(Collection<String> namespaces, Duration duration) throws TelemetryException {
        URI base = locator.locate();
        try {
            if (auth == Auth.TOKEN_LOGIN && !loggedIn) {
                login(base);
            }
            JsonHttp.Answer response = get(base, namespaces, duration);
            if (auth == Auth.TOKEN_LOGIN && response.statusCode() == 401) {
                loggedIn = false;
                login(base);
                response = get(base, namespaces, duration);
            }
            return KialiGraph.parse(JsonHttp.body(response, "Kiali"));
        } catch (TelemetryException e) {
            if (e.kind() == Kind.UNREACHABLE) {
                locator.unreachable(base);
            }
            throw e;
        }
    }

    private JsonHttp.Answer get(URI base, Collection<String> namespaces, Duration duration)
            throws TelemetryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(JsonHttp.join(base, "/api/namespaces/graph?" + graphQuery(namespaces, duration))))
                .header("Accept", "application/json").GET();
        if (auth == Auth.BEARER) {
            settings.authorize(request);
        } else {
            request.timeout(settings.requestTimeout());
        }
        return JsonHttp.send(http, request.build(), settings, "Kiali");
    }

    private void login(URI base) throws TelemetryException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(JsonHttp.join(base, "/api/authenticate")))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token="
                        + URLEncoder.encode(settings.bearerToken(), StandardCharsets.UTF_8)))
                .build();
        JsonHttp.Answer response = JsonHttp.send(http, request, settings, "Kiali");
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new TelemetryException(Kind.REJECTED, "Kiali refused the token at /api/authenticate (HTTP " + status
                    + ")");
        }
        if (status / 100 != 2) {
            throw new TelemetryException(Kind.BAD_ANSWER, "Kiali answered HTTP " + status + " to /api/authenticate: "
                    + JsonHttp.excerpt(response.body()));
        }
        loggedIn = true;
    }
}
