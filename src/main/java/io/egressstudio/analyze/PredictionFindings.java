package io.egressstudio.analyze;

import io.egressstudio.model.Outcome;
import io.egressstudio.predict.Prediction;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A finding for each request whose predicted outcome fails, so that a failing design never reads "no findings". It is
 * derived from the prediction itself: the outcome gives the code, the last explanation line (where the predictor
 * stopped) the message and, where it says one, the fix; the last deciding resource is where it was decided. When an
 * analyzer already reports the cause on a resource the request went through (ES0007 for double TLS, say), that
 * finding stands for it and no second one is made. OK and PASSTHROUGH reach their server: no finding (decision 0016).
 */
public final class PredictionFindings {
    private static final Map<Outcome, MessageType> TYPES = Map.of(
            Outcome.BLACKHOLE, Messages.REQUEST_BLACKHOLED,
            Outcome.NO_ROUTE, Messages.REQUEST_NO_ROUTE,
            Outcome.PROTOCOL_MISMATCH, Messages.REQUEST_PROTOCOL_MISMATCH,
            Outcome.MTLS_FAILURE, Messages.REQUEST_MTLS_FAILURE,
            Outcome.TLS_FAILURE, Messages.REQUEST_TLS_FAILURE,
            Outcome.DOUBLE_TLS, Messages.REQUEST_DOUBLE_TLS,
            Outcome.DENIED, Messages.REQUEST_DENIED);

    /** The analyzer codes that explain an outcome: one of them on the request's path makes a second finding redundant. */
    private static final Map<Outcome, Set<String>> EXPLAINED_BY = Map.of(
            Outcome.BLACKHOLE, codes(Messages.UNREGISTERED_DESTINATION_HOST),
            Outcome.NO_ROUTE, codes(Messages.RESOLUTION_NONE_VIA_EGRESS, Messages.GATEWAY_VS_TLS_MISMATCH,
                    Messages.UNREGISTERED_DESTINATION_HOST, Messages.FEDERATION_UNENCRYPTED),
            Outcome.PROTOCOL_MISMATCH, codes(Messages.GATEWAY_VS_TLS_MISMATCH),
            Outcome.MTLS_FAILURE, codes(Messages.PLAINTEXT_TO_STRICT, Messages.STRICT_TO_NON_MESH_LOCAL,
                    Messages.FEDERATION_UNENCRYPTED),
            Outcome.TLS_FAILURE, codes(Messages.CREDENTIAL_SECRET_MISSING, Messages.SIDECAR_CREDENTIAL_IGNORED,
                    Messages.MISSING_SNI_PASSTHROUGH_ROUTE, Messages.CERTIFICATE_EXPIRED,
                    Messages.SERVER_CERTIFICATE_HOST_MISMATCH, Messages.CLIENT_CERTIFICATE_NOT_TRUSTED,
                    Messages.MUTUAL_WITHOUT_CLIENT_CERTIFICATE),
            Outcome.DOUBLE_TLS, codes(Messages.DOUBLE_TLS),
            Outcome.DENIED, codes(Messages.AUTHORIZATION_HTTP_FIELDS_ON_TCP, Messages.AUTHORIZATION_IDENTITY_NEVER_SEEN));

    private static final Map<Outcome, String> DEFAULT_FIX = Map.of(
            Outcome.BLACKHOLE, "Register the host with a ServiceEntry visible to the client's namespace, or set the "
                    + "outbound policy to ALLOW_ANY.",
            Outcome.NO_ROUTE, "Make the route, its destination host and port, and the gateway's server agree on the host "
                    + "and port the request uses.",
            Outcome.PROTOCOL_MISMATCH, "Make both ends of the hop speak the same thing: plaintext to a plaintext port, "
                    + "TLS to a TLS port (the port's protocol, the application's scheme, the TLS mode).",
            Outcome.MTLS_FAILURE, "Use Istio mTLS (ISTIO_MUTUAL) only between proxies of one mesh; towards anything "
                    + "else originate SIMPLE or MUTUAL TLS, or send plaintext.",
            Outcome.TLS_FAILURE, "Make the originated TLS match the server: the mode (SIMPLE or MUTUAL), the client "
                    + "certificate, the CA and the SNI.",
            Outcome.DOUBLE_TLS, "Originate TLS in one place only: let the application send plaintext, or drop the "
                    + "DestinationRule's TLS origination.",
            Outcome.DENIED, "Allow the caller in an ALLOW AuthorizationPolicy of the proxy that refuses it (its source "
                    + "namespace or principal, over Istio mTLS), or narrow the DENY policy that matches it.");

    private static final String FIX_MARK = " Fix: ";

    private PredictionFindings() {
    }

    /** The codes these findings use (the meta-tests hold them to the same rules as the analyzers'). */
    public static List<MessageType> messages() {
        return TYPES.values().stream().sorted(Comparator.comparing(MessageType::code)).toList();
    }

    /** Whether the outcome is a failure that gets a finding. */
    public static boolean fails(Outcome outcome) {
        return TYPES.containsKey(outcome);
    }

    /**
     * The finding for a failing prediction, or empty when it does not fail or when one of {@code analyzerFindings}
     * already explains it on a resource the request went through.
     */
    public static Optional<Finding> of(Prediction p, Collection<Finding> analyzerFindings) {
        return of(p, Explainers.of(analyzerFindings));
    }

    /**
     * The analyzer findings by code and resource, looked up once per prediction: scanning every finding for every
     * failing prediction was quadratic (2,000 links, 2,000 findings).
     */
    public static final class Explainers {
        /** Code → the resources findings of that code are on (the resources' strings keep their hash codes). */
        private final Map<String, Set<String>> resourcesByCode;

        private Explainers(Map<String, Set<String>> resourcesByCode) {
            this.resourcesByCode = resourcesByCode;
        }

        public static Explainers of(Collection<Finding> analyzerFindings) {
            Map<String, Set<String>> index = new java.util.HashMap<>();
            analyzerFindings.forEach(f -> index.computeIfAbsent(f.code(), k -> new java.util.HashSet<>()).add(f.resource()));
            return new Explainers(index);
        }

        boolean explain(Prediction p) {
            for (String code : EXPLAINED_BY.getOrDefault(p.outcome(), Set.of())) {
                Set<String> resources = resourcesByCode.get(code);
                if (resources == null) {
                    continue;
                }
                for (String resource : p.resources()) {
                    if (resources.contains(resource)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The same, with the analyzer findings indexed once for many predictions. */
    public static Optional<Finding> of(Prediction p, Explainers explainers) {
        MessageType type = TYPES.get(p.outcome());
        if (type == null || explainers.explain(p)) {
            return Optional.empty();
        }
        String line = p.explanation().isEmpty() ? p.outcome().name() : p.explanation().get(p.explanation().size() - 1);
        int mark = line.indexOf(FIX_MARK);
        String reason = mark < 0 ? line : line.substring(0, mark);
        String fix = mark < 0 ? DEFAULT_FIX.get(p.outcome()) : capitalized(line.substring(mark + FIX_MARK.length()));
        // where the predictor stopped: the last resource that decided the request (at least the client's Deployment)
        String resource = p.resources().isEmpty()
                ? "Deployment/" + p.request().fromNamespace() + "/" + p.request().fromWorkload()
                : p.resources().get(p.resources().size() - 1);
        String message = "Predicted " + p.outcome() + ": " + reason.strip();
        return Optional.of(new Finding(type.code(), type.severity(), resource, null, message, fix,
                p.request().from() + " -> " + p.request().url()));
    }

    /** One finding per failing prediction that no analyzer finding explains, in the order of the predictions. */
    public static List<Finding> of(List<Prediction> predictions, Collection<Finding> analyzerFindings) {
        Explainers explainers = Explainers.of(analyzerFindings);
        return predictions.stream().map(p -> of(p, explainers)).flatMap(Optional::stream).toList();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Set<String> codes(MessageType... types) {
        return Arrays.stream(types).map(MessageType::code).collect(Collectors.toSet());
    }
}
