package io.egressstudio.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile HTTP peer on 127.0.0.1, speaking raw bytes on a socket so that it can break HTTP in the ways a real
 * Prometheus, Kiali or API server (or what sits in front of them) can: never finish the headers, trickle the body,
 * announce more than it sends, send junk without end, send 100 MB, echo our request headers back in a 500, redirect
 * to itself, refuse us. Every request gets the same behaviour. Its own threads do the slow sending; it counts the
 * bytes it managed to hand to the client so tests can tell how much the client read.
 */
public final class MisbehavingServer implements AutoCloseable {
    /** How the server answers every request. */
    public enum Behaviour {
        /** Status line, then a header byte now and then, never an end of the headers. */
        SLOW_HEADERS,
        /** Headers announcing 1 MB, then one byte of the body every 50 ms. */
        TRICKLE,
        /** Content-Length 5000, 100 bytes, then silence with the connection open. */
        SHORT_BODY,
        /** A 200 without a length, then junk as fast as the client takes it, forever. */
        ENDLESS_JUNK,
        /** No HTTP at all: junk without a status line, as fast as the client takes it, forever. */
        JUNK_INSTEAD_OF_HTTP,
        /** A 200 with a 100 MB JSON body. */
        HUGE,
        /** A 500 whose Status message (and error) is our request's headers, Authorization first, and escapes. */
        HEADER_ECHO,
        /** A 302 to the same URL. */
        REDIRECT_LOOP,
        /** 401 with a Kubernetes Status body. */
        UNAUTHORIZED,
        /** 403 with a Kubernetes Status body. */
        FORBIDDEN,
        /** 500 with a Kubernetes Status body. */
        SERVER_ERROR
    }

    public static final long HUGE_BYTES = 100L * 1024 * 1024;

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile boolean closed;

    public MisbehavingServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "misbehaving-server-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The request heads received (request line and headers). */
    public List<String> requests() {
        return requests;
    }

    /** How many bytes the server wrote into client sockets (the kernel's buffers included). */
    public long bytesSent() {
        return bytesSent.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                Thread t = new Thread(() -> serve(client), "misbehaving-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (!closed) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                skipBody(in, head);
                if (!answer(out, head)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: that is what a well-behaved client does with us
        }
    }

    /** @return whether the connection may carry another request */
    private boolean answer(OutputStream out, String head) throws IOException, InterruptedException {
        switch (behaviour) {
            case SLOW_HEADERS -> {
                send(out, "HTTP/1.1 200 OK\r\n");
                while (!closed) {
                    send(out, "X");
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                return false;
            }
            case TRICKLE -> {
                send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{");
                while (!closed) {
                    send(out, " ");
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                return false;
            }
            case SHORT_BODY -> {
                send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                        + "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + " ".repeat(40));
                while (!closed) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                return false;
            }
            case ENDLESS_JUNK -> {
                send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
                byte[] junk = new byte[64 * 1024];
                Arrays.fill(junk, (byte) '[');
                while (!closed) {
                    send(out, junk);
                }
                return false;
            }
            case JUNK_INSTEAD_OF_HTTP -> {
                byte[] junk = new byte[64 * 1024];
                Arrays.fill(junk, (byte) 'x');
                while (!closed) {
                    send(out, junk);
                }
                return false;
            }
            case HUGE -> {
                String open = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[";
                send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + HUGE_BYTES
                        + "\r\n\r\n" + open);
                byte[] element = "{\"metric\":{},\"value\":[1,\"1\"]},".getBytes(StandardCharsets.US_ASCII);
                byte[] block = new byte[element.length * 2048];
                for (int i = 0; i < 2048; i++) {
                    System.arraycopy(element, 0, block, i * element.length, element.length);
                }
                long left = HUGE_BYTES - open.length();
                while (left > 0 && !closed) {
                    int n = (int) Math.min(left, block.length);
                    send(out, Arrays.copyOf(block, n));
                    left -= n;
                }
                return false;
            }
            case HEADER_ECHO -> {
                // the Authorization header first, so that no excerpt can cut it off
                List<String> headers = new java.util.ArrayList<>(head.lines().skip(1).filter(l -> !l.isBlank())
                        .toList());
                headers.sort(java.util.Comparator.comparing(
                        l -> !l.toLowerCase(Locale.ROOT).startsWith("authorization")));
                String echo = "\u001b[2J\u001b[31mcannot handle\u001b[0m\u0007 " + String.join("\n", headers);
                respond(out, 500, "application/json", status(500, "InternalError", echo));
                return true;
            }
            case REDIRECT_LOOP -> {
                String path = head.lines().findFirst().orElse("GET / HTTP/1.1").split(" ")[1];
                send(out, "HTTP/1.1 302 Found\r\nLocation: " + url() + path + "\r\nContent-Length: 0\r\n\r\n");
                return true;
            }
            case UNAUTHORIZED -> {
                respond(out, 401, "application/json", status(401, "Unauthorized", "Unauthorized"));
                return true;
            }
            case FORBIDDEN -> {
                respond(out, 403, "application/json", status(403, "Forbidden", "forbidden: user cannot do this"));
                return true;
            }
            case SERVER_ERROR -> {
                respond(out, 500, "application/json", status(500, "InternalError", "etcdserver: request timed out"));
                return true;
            }
            default -> throw new IllegalStateException(behaviour.toString());
        }
    }

    private static String status(int code, String reason, String message) {
        String quoted = json(message);
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":" + quoted
                + ",\"reason\":\"" + reason + "\",\"code\":" + code + ",\"error\":" + quoted + "}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        send(out, "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\n\r\n");
        send(out, bytes);
    }

    private void send(OutputStream out, String text) throws IOException {
        send(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < 64 * 1024) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                long length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                in.readNBytes((int) Math.min(length, 1 << 20));
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
