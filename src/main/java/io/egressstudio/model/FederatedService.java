package io.egressstudio.model;

/** A service one mesh exports (under an alias) and its peer imports. */
public record FederatedService(String exportedBy, String namespace, String name, String aliasNamespace,
                               String aliasName, boolean importAsLocal) {
    public FederatedService {
        aliasNamespace = Copies.or(aliasNamespace, namespace);
        aliasName = Copies.or(aliasName, name);
    }
}
