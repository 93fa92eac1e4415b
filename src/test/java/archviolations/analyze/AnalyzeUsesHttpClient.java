package archviolations.analyze;

/** Violates: only cluster and telemetry use java.net.http. */
public final class AnalyzeUsesHttpClient {
    public Object client() {
        return java.net.http.HttpClient.newHttpClient();
    }
}
