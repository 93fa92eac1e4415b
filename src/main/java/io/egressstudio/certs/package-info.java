/**
 * Certificates for the scenario: a small CA on BouncyCastle (root and intermediate CAs, server and client
 * certificates, signing a user's CSR), PEM in and out, Secrets in the layouts the mesh reads, and inspection of
 * certificates a user already has (chain, SAN coverage, key usage, validity, duplicate serials, v1 certificates).
 *
 * <p>This is the only package that uses BouncyCastle. Everything it hands out is JDK types
 * ({@link java.security.cert.X509Certificate}, {@link java.security.PrivateKey}) or fabric8 Secrets.
 *
 * <p>Private keys are secret: no type here prints one in {@code toString()}, nothing here logs, and key files are
 * written with permissions 0600. Note that fabric8's own {@code Secret.toString()} prints its data; never log a
 * Secret, use {@link io.egressstudio.certs.CertificateSecrets#toYaml(io.fabric8.kubernetes.api.model.Secret, boolean)}
 * with {@code reveal = false} to show one.
 */
package io.egressstudio.certs;
