package io.egressstudio.generate;

import io.egressstudio.mesh.FieldSources;
import io.egressstudio.model.AccessAction;
import io.egressstudio.model.AccessRule;
import io.egressstudio.model.AppProtocol;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.Workload;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.ConditionBuilder;
import io.fabric8.istio.api.api.security.v1beta1.OperationBuilder;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleBuilder;
import io.fabric8.istio.api.api.security.v1beta1.RuleFromBuilder;
import io.fabric8.istio.api.api.security.v1beta1.RuleToBuilder;
import io.fabric8.istio.api.api.security.v1beta1.SourceBuilder;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelectorBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An element's access rules as AuthorizationPolicies (decision 0027): one ALLOW and one DENY policy per egress gateway
 * or workload that has rules of that action, selecting its pods, in its namespace. On an egress gateway a rule's hosts
 * become {@code to.operation.hosts} for the hosts whose links the gateway reads as HTTP, and {@code when
 * connection.sni} for those it passes through as TLS, since Istio ignores HTTP-only fields on a TCP filter chain (for
 * ALLOW it drops the whole rule). security.istio.io/v1 from Istio 1.22; v1beta1 before (Maistra 2.x).
 */
final class AuthorizationPolicyFactory {
    private static final FieldSources GATEWAY_SOURCES = FieldSources.of(Map.of("spec.rules", "accessRules",
            "spec.selector.matchLabels", "selector"));
    private static final FieldSources WORKLOAD_SOURCES = FieldSources.of(Map.of("spec.rules", "accessRules"));
    /** The first Istio minor release that serves security.istio.io/v1. */
    private static final int V1_SINCE = 22;

    private AuthorizationPolicyFactory() {
    }

    static void create(GenerationContext context) {
        for (EgressGateway gateway : context.scenario().egressGateways()) {
            if (gateway.accessRules().isEmpty()) {
                continue;
            }
            Mesh mesh = context.element(gateway.mesh(), Mesh.class);
            Set<String> sniHosts = passedThrough(context, gateway);
            // a waypoint enforces only policies attached by targetRefs (istiod never sends them to ztunnel)
            emit(context, gateway, gateway.name(), ResourceNames.egressGatewayNamespace(gateway, mesh),
                    mesh.ambient() && gateway.usesGatewayApi() ? null : gateway.podLabels(), mesh,
                    rule -> rules(rule, sniHosts));
        }
        for (Workload workload : context.scenario().workloads()) {
            if (workload.accessRules().isEmpty()) {
                continue;
            }
            emit(context, workload, workload.name(), workload.namespace(), ResourceNames.workloadLabels(workload),
                    context.meshOwning(workload.namespace()), rule -> rules(rule, Set.of()));
        }
    }

    private static void emit(GenerationContext context, Element element, String name, String namespace,
                             Map<String, String> selector, Mesh mesh,
                             java.util.function.Function<AccessRule, List<Rule>> translate) {
        for (AccessAction action : AccessAction.values()) {
            List<Rule> rules = new ArrayList<>();
            for (AccessRule rule : rulesOf(element)) {
                if (rule.action() == action) {
                    rules.addAll(translate.apply(rule));
                }
            }
            if (rules.isEmpty()) {
                continue;
            }
            AuthorizationPolicy spec = new AuthorizationPolicy();
            if (selector == null) {
                spec.setTargetRefs(List.of(new io.fabric8.istio.api.api.type.v1beta1.PolicyTargetReference(
                        GatewayApiEgress.GROUP, "Gateway", name, null)));
            } else {
                spec.setSelector(new WorkloadSelectorBuilder().withMatchLabels(new LinkedHashMap<>(selector)).build());
            }
            spec.setAction(AuthorizationPolicyAction.valueOf(action.name()));
            spec.setRules(rules);
            ObjectMeta meta = context.meta(name + "-" + action.name().toLowerCase(java.util.Locale.ROOT), namespace,
                    element.id());
            context.add(resource(meta, spec, mesh), element.id(), element instanceof EgressGateway ? GATEWAY_SOURCES
                    : WORKLOAD_SOURCES);
        }
    }

    private static List<AccessRule> rulesOf(Element element) {
        if (element instanceof EgressGateway g) {
            return g.accessRules();
        }
        return element instanceof Workload w ? w.accessRules() : List.of();
    }

    /** v1 where the mesh's Istio serves it, v1beta1 for older ones (Maistra 2.x runs Istio 1.6 to 1.20). */
    private static HasMetadata resource(ObjectMeta meta, AuthorizationPolicy spec, Mesh mesh) {
        int minor = mesh == null ? V1_SINCE : mesh.flavour().istioMinor(mesh.version()).orElse(V1_SINCE);
        if (minor >= V1_SINCE) {
            var policy = new io.fabric8.istio.api.security.v1.AuthorizationPolicy();
            policy.setMetadata(meta);
            policy.setSpec(spec);
            return policy;
        }
        var policy = new io.fabric8.istio.api.security.v1beta1.AuthorizationPolicy();
        policy.setMetadata(meta);
        policy.setSpec(spec);
        return policy;
    }

    /**
     * The Istio rules of one access rule: its hosts split into those read as HTTP ({@code to.operation.hosts}) and
     * those passed through as TLS ({@code when connection.sni}), one Istio rule for each kind present.
     */
    private static List<Rule> rules(AccessRule rule, Set<String> sniHosts) {
        List<String> httpHosts = rule.hosts().stream().filter(h -> !sniHosts.contains(h)).toList();
        List<String> sni = rule.hosts().stream().filter(sniHosts::contains).toList();
        List<Rule> out = new ArrayList<>();
        if (!httpHosts.isEmpty() || sni.isEmpty()) {
            out.add(rule(rule, httpHosts, List.of()));
        }
        if (!sni.isEmpty()) {
            out.add(rule(rule, List.of(), sni));
        }
        return out;
    }

    private static Rule rule(AccessRule rule, List<String> hosts, List<String> sni) {
        RuleBuilder b = new RuleBuilder();
        if (rule.namesCaller()) {
            SourceBuilder source = new SourceBuilder();
            if (!rule.namespaces().isEmpty()) {
                source.withNamespaces(rule.namespaces());
            }
            if (!rule.principals().isEmpty()) {
                source.withPrincipals(rule.principals());
            }
            b.withFrom(new RuleFromBuilder().withSource(source.build()).build());
        }
        if (!hosts.isEmpty() || !rule.ports().isEmpty() || rule.httpOnly()) {
            OperationBuilder operation = new OperationBuilder();
            if (!hosts.isEmpty()) {
                operation.withHosts(hosts);
            }
            if (!rule.ports().isEmpty()) {
                operation.withPorts(rule.ports().stream().map(String::valueOf).toList());
            }
            if (!rule.methods().isEmpty()) {
                operation.withMethods(rule.methods());
            }
            if (!rule.paths().isEmpty()) {
                operation.withPaths(rule.paths());
            }
            b.withTo(new RuleToBuilder().withOperation(operation.build()).build());
        }
        if (!sni.isEmpty()) {
            b.withWhen(new ConditionBuilder().withKey("connection.sni").withValues(sni).build());
        }
        return b.build();
    }

    /** The hosts whose links reach the gateway with the application's own TLS (a PASSTHROUGH server): read by SNI. */
    private static Set<String> passedThrough(GenerationContext context, EgressGateway gateway) {
        Set<String> hosts = new LinkedHashSet<>();
        for (Link link : context.scenario().links()) {
            if (gateway.id().equals(link.via()) && link.app() != AppProtocol.HTTP) {
                hosts.addAll(context.element(link.to(), ExternalService.class).hosts());
            }
        }
        return hosts;
    }
}
