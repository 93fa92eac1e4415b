package io.egressstudio.model;

/**
 * The service side when the destination sits behind another mesh's ingress gateway: an OpenShift Route in that
 * mesh's control-plane namespace, a Gateway server, and a VirtualService to the backend service.
 *
 * @param gatewayTlsMode what the Gateway server does with the connection: NONE (plain HTTP), SIMPLE or MUTUAL
 *                       (terminates TLS with {@code credentialName}; MUTUAL also checks the client certificate
 *                       against the Secret's {@code ca.crt}), PASSTHROUGH
 * @param clientCa       id of the CA certificate spec that the Gateway trusts for client certificates (MUTUAL)
 */
public record MeshIngress(String mesh, String routeName, RouteTermination routeTermination, String gatewayName,
                          String gatewayNamespace, Integer gatewayPort, GatewayTlsMode gatewayTlsMode,
                          String credentialName, String clientCa, String backendNamespace, String backendService,
                          Integer backendPort, String pathPrefix) {
    public MeshIngress {
        routeTermination = Copies.or(routeTermination, RouteTermination.PASSTHROUGH);
        gatewayTlsMode = Copies.or(gatewayTlsMode, GatewayTlsMode.SIMPLE);
        gatewayPort = Copies.or(gatewayPort, gatewayTlsMode == GatewayTlsMode.NONE ? 8080 : 8443);
        pathPrefix = Copies.or(pathPrefix, "/");
    }
}
