package io.egressstudio.gui.certs;

import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.generate.ResourceNames;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.CredentialDelivery;
import io.egressstudio.model.EgressGateway;
import io.egressstudio.model.Element;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Mesh;
import io.egressstudio.model.MeshIngress;
import io.egressstudio.model.Origination;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.SecretLayout;
import io.egressstudio.model.SecretPlacement;
import io.egressstudio.model.ServerKind;
import io.egressstudio.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * New certificate specs for a field of the design, with defaults taken from the design: a CA named after the mesh
 * ({@code client-mesh-ca}), a client certificate for the link's workload (or egress gateway) signed by the CA the
 * server trusts, a server certificate for the external service's hosts. Only descriptions: the key material is made
 * when the user issues them ({@link CertificateStore}).
 */
public final class CertificateDrafts {
    /** CAs live longer than what they sign. */
    static final int CA_DAYS = 3650;

    /**
     * What creating a certificate for a field adds to the scenario.
     *
     * @param added  the new specs, issuers first; the last is the one the field now names
     * @param fields the target element's fields to set (the field itself, and a Secret name the certificate needs)
     */
    public record Draft(List<CertificateSpec> added, Map<String, Object> fields) {
        public CertificateSpec created() {
            return added.get(added.size() - 1);
        }

        /** The scenario with the specs added and the target element's fields set. */
        public Scenario applyTo(Scenario s, String targetId, FieldSetter setter) {
            Scenario result = s;
            for (CertificateSpec spec : added) {
                result = ScenarioEdits.add(result, spec, null);
            }
            Element target = result.element(targetId).orElseThrow();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                target = setter.set(target, field.getKey(), field.getValue());
            }
            return ScenarioEdits.replace(result, targetId, target);
        }
    }

    /** Sets one field of an element by path (the inspector's patching). */
    @FunctionalInterface
    public interface FieldSetter {
        Element set(Element element, String path, Object value);
    }

    private CertificateDrafts() {
    }

    /**
     * Which kind of certificate a field names, so that the inspector can offer to create one; empty for other fields.
     */
    public static Optional<CertificateKind> kindFor(Element element, String path) {
        if (element instanceof Link) {
            if (path.endsWith(".caCertificate")) {
                return Optional.of(CertificateKind.CA);
            }
            if (path.endsWith(".clientCertificate")) {
                return Optional.of(CertificateKind.CLIENT);
            }
        } else if (element instanceof ExternalService) {
            if (path.equals("server.certificate")) {
                return Optional.of(CertificateKind.SERVER);
            }
            if (path.equals("server.ca") || path.equals("server.clientCa") || path.equals("server.ingress.clientCa")) {
                return Optional.of(CertificateKind.CA);
            }
        } else if (element instanceof CertificateSpec && path.equals("issuer")) {
            return Optional.of(CertificateKind.CA);
        }
        return Optional.empty();
    }

    /** The draft for a field of an element (see {@link #kindFor}). */
    public static Draft draft(Scenario s, Element element, String path) {
        CertificateKind kind = kindFor(element, path).orElseThrow(() -> new IllegalArgumentException(
                "field '" + path + "' of " + element.id() + " does not name a certificate"));
        Names names = new Names(s);
        Map<String, Object> fields = new LinkedHashMap<>();
        List<CertificateSpec> added = new ArrayList<>();
        switch (kind) {
            case CA -> added.add(ca(names, caOwner(s, element, path)));
            case CLIENT -> client(s, names, (Link) element, path.substring(0, path.indexOf('.')), added, fields);
            case SERVER -> server(s, names, (ExternalService) element, added, fields);
            default -> throw new IllegalStateException(kind.name());
        }
        fields.put(path, added.get(added.size() - 1).id());
        return new Draft(List.copyOf(added), Map.copyOf(fields));
    }

    /** A root CA named after its owner: {@code OWNER-ca}, common name {@code OWNER CA}. */
    static CertificateSpec ca(Names names, String owner) {
        String id = names.fresh(owner + "-ca");
        return new CertificateSpec(id, CertificateKind.CA, owner + " CA", null, null, null, null, CA_DAYS, null);
    }

    /** The mesh a CA for this field belongs to: the server's for a service, the caller's for a link. */
    private static String caOwner(Scenario s, Element element, String path) {
        if (element instanceof Link link) {
            if (path.startsWith("egressTls") && link.via() != null) {
                return s.egressGateway(link.via()).map(EgressGateway::mesh).orElse(link.from());
            }
            return s.workload(link.from()).flatMap(s::meshOf).map(Mesh::id).orElse(link.from());
        }
        if (element instanceof ExternalService service) {
            MeshIngress ingress = service.server().ingress();
            return ingress != null && ingress.mesh() != null ? ingress.mesh() : service.id();
        }
        return s.meshes().isEmpty() ? s.name() : s.meshes().get(0).id();
    }

    private static void client(Scenario s, Names names, Link link, String prefix, List<CertificateSpec> added,
                               Map<String, Object> fields) {
        Origination origination = "egressTls".equals(prefix) ? link.egressTls() : link.sidecarTls();
        Workload workload = s.workload(link.from()).orElse(null);
        EgressGateway gateway = "egressTls".equals(prefix) && link.via() != null
                ? s.egressGateway(link.via()).orElse(null) : null;
        String issuer = clientIssuer(s, link, origination);
        if (issuer == null) {
            CertificateSpec ca = ca(names, caOwner(s, link, prefix + ".clientCertificate"));
            added.add(ca);
            issuer = ca.id();
        }
        String subject = gateway != null ? gateway.name() : workload != null ? workload.name() : link.from();
        String subjectNamespace = gateway != null ? gatewayNamespace(s, gateway)
                : workload != null ? workload.namespace() : null;
        String id = names.fresh((gateway != null ? gateway.id() : link.from()) + "-client");
        List<String> dns = subjectNamespace == null ? List.of() : List.of(ResourceNames.fqdn(subject, subjectNamespace));
        List<SecretPlacement> secrets = new ArrayList<>();
        if (subjectNamespace != null) {
            // the link's Secret, unless another certificate already fills it: then one of its own
            String named = origination == null ? null : origination.credentialName();
            String secretName = named != null && !names.placed(named, subjectNamespace) ? named : id + "-secret";
            if (!secretName.equals(named)) {
                fields.put(prefix + ".credentialName", secretName);
            }
            boolean mounted = gateway == null && origination != null
                    && origination.delivery() == CredentialDelivery.FILE_MOUNT;
            secrets.add(new SecretPlacement(secretName, subjectNamespace,
                    mounted ? SecretLayout.FILES : SecretLayout.GENERIC, false));
        }
        added.add(new CertificateSpec(id, CertificateKind.CLIENT, subject, dns, null, issuer, null, null, secrets));
    }

    /** The CA the server checks client certificates with, else the one the link verifies the server with, else any. */
    private static String clientIssuer(Scenario s, Link link, Origination origination) {
        ExternalService service = s.externalService(link.to()).orElse(null);
        if (service != null) {
            if (service.server().clientCa() != null) {
                return service.server().clientCa();
            }
            if (service.server().ingress() != null && service.server().ingress().clientCa() != null) {
                return service.server().ingress().clientCa();
            }
        }
        if (origination != null && origination.caCertificate() != null) {
            return origination.caCertificate();
        }
        return s.certificates().stream().filter(c -> c.kind() == CertificateKind.CA).map(CertificateSpec::id)
                .findFirst().orElse(null);
    }

    private static void server(Scenario s, Names names, ExternalService service, List<CertificateSpec> added,
                               Map<String, Object> fields) {
        String issuer = service.server().ca();
        if (issuer == null) {
            issuer = s.certificates().stream().filter(c -> c.kind() == CertificateKind.CA).map(CertificateSpec::id)
                    .findFirst().orElse(null);
            if (issuer == null) {
                CertificateSpec ca = ca(names, caOwner(s, service, "server.ca"));
                added.add(ca);
                issuer = ca.id();
            }
            fields.put("server.ca", issuer);
        }
        String id = names.fresh(service.id() + "-cert");
        List<String> hosts = service.hosts().stream().filter(h -> !h.equals("*")).toList();
        List<SecretPlacement> secrets = new ArrayList<>();
        MeshIngress ingress = service.server().ingress();
        if (service.server().kind() == ServerKind.MESH_INGRESS && ingress != null) {
            Optional<Mesh> mesh = s.mesh(ingress.mesh());
            if (mesh.isPresent()) {
                String named = ingress.credentialName();
                String secretName = named != null && !names.placed(named, mesh.get().namespace()) ? named
                        : id + "-secret";
                if (!secretName.equals(named)) {
                    fields.put("server.ingress.credentialName", secretName);
                }
                secrets.add(new SecretPlacement(secretName, mesh.get().namespace(), SecretLayout.TLS, false));
            }
        }
        added.add(new CertificateSpec(id, CertificateKind.SERVER, service.primaryHost(), hosts, null, issuer, null,
                null, secrets));
    }

    private static String gatewayNamespace(Scenario s, EgressGateway gateway) {
        return s.mesh(gateway.mesh()).map(m -> ResourceNames.egressGatewayNamespace(gateway, m))
                .orElse(gateway.namespace());
    }

    /** Ids taken so far (the scenario's and the draft's) and the Secrets certificates are already placed in. */
    static final class Names {
        private final Set<String> taken = new HashSet<>();
        private final Set<String> secrets = new HashSet<>();

        Names(Scenario s) {
            s.elements().forEach(e -> taken.add(e.id()));
            s.certificates().forEach(c -> c.secrets().forEach(p -> secrets.add(p.namespace() + "/" + p.name())));
        }

        String fresh(String base) {
            String id = ScenarioEdits.freshId(base, taken);
            taken.add(id);
            return id;
        }

        boolean placed(String name, String namespace) {
            return secrets.contains(namespace + "/" + name);
        }
    }
}
