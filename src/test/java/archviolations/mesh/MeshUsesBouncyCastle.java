package archviolations.mesh;

/** Violates: only certs uses BouncyCastle. */
public final class MeshUsesBouncyCastle {
    public Object name() {
        return new org.bouncycastle.asn1.x500.X500Name("CN=x");
    }
}
