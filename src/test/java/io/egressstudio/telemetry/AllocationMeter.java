package io.egressstudio.telemetry;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * How many bytes the JVM's threads allocated between {@link #start()} and {@link #allocated()}: the client's own
 * threads included (an HTTP client reads bodies on its executor), threads that ended in between not counted. A client
 * that reads a 100 MB answer whole allocates at least that much; one that stops at its cap, a few times the cap.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;

    private AllocationMeter(Map<Long, Long> before) {
        this.before = before;
    }

    public static AllocationMeter start() {
        return new AllocationMeter(snapshot());
    }

    public long allocated() {
        long total = 0;
        for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    private static Map<Long, Long> snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }
}
