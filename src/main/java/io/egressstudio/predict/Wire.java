package io.egressstudio.predict;

/**
 * What reaches the next hop: the proxy's TLS (or none), around the application's own bytes. A server judges the
 * outermost layer first, which is why {@link #outerMode()} prefers the proxy's TLS over the application's.
 */
record Wire(Origination origination, boolean appTls, boolean appHttp, String sni, String host, String path) {

    /** What the application itself sends, before any proxy touches it. */
    static Wire fromApplication(Request r) {
        return new Wire(null, r.appTls(), r.appHttp(), r.appTls() ? r.host() : null, r.host(), r.path());
    }

    boolean outerTls() {
        return (origination != null && origination.tls()) || appTls;
    }

    /** ISTIO_MUTUAL, SIMPLE or MUTUAL from a proxy; APP_TLS; or NONE. */
    String outerMode() {
        if (origination != null && origination.tls()) {
            return origination.mode();
        }
        return appTls ? "APP_TLS" : "NONE";
    }

    Encryption encryption() {
        return encryptionOf(origination, appTls);
    }

    /** After a TLS-terminating hop (an edge Route): plaintext, and whatever was TLS inside is now readable as HTTP. */
    Wire plain() {
        return new Wire(null, false, appHttp || appTls, null, host, path);
    }

    static Encryption encryptionOf(Origination o, boolean appTls) {
        if (o != null && o.tls()) {
            return Encryption.valueOf(o.mode());
        }
        return appTls ? Encryption.APP_TLS : Encryption.NONE;
    }
}
