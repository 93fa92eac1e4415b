package io.egressstudio.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way a user's scenario or manifest file becomes text: at most {@link #MAX_BYTES} read (so {@code /dev/zero}
 * or a huge file is refused, not read whole), strict UTF-8 with the position of the first bad byte, a leading byte
 * order mark dropped, and no control characters YAML forbids. Every command then reads the same text.
 */
public final class InputFiles {
    /** Far above any scenario or manifest set we write (the 2,000-service benchmark scenario is under 2 MB). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private InputFiles() {
    }

    /** A certificate, key or CSR file holds a few kilobytes; a chain of a hundred certificates fits in this. */
    public static final int MAX_PEM_BYTES = 1024 * 1024;

    /** The file's text, or why it cannot be used (the caller adds the file name). */
    public static String read(Path file) throws InputException {
        return text(bytes(file, MAX_BYTES));
    }

    /**
     * At most {@code maxBytes} of the file, read without reading more: a larger file, a device or a pipe that never
     * ends is refused with the limit in the message. For files other than scenarios and manifests (PEM, tokens).
     */
    public static byte[] bytes(Path file, int maxBytes) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(0, 0, "is a folder, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(0, 0, "cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(0, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw new InputException(0, 0, "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw new InputException(0, 0, "file is larger than " + size(maxBytes) + (maxBytes == MAX_BYTES
                    ? "; this is not a scenario or manifest file Egress Studio reads" : ", too large for its kind"));
        }
        return bytes;
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    /** Bytes as checked text: UTF-8, without a byte order mark, free of control characters. */
    public static String text(byte[] bytes) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            Position at = Position.after(out);
            throw new InputException(at.line, at.column, "not UTF-8 text: byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + " cannot start or continue a character");
        }
        decoder.flush(out);
        out.flip();
        return checked(out.toString());
    }

    /** Text without a byte order mark, refused when it holds a control character that YAML does not allow. */
    public static String checked(String text) throws InputException {
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (isForbidden(c)) {
                Position at = Position.after(CharBuffer.wrap(body, 0, i));
                throw new InputException(at.line, at.column, String.format(
                        "control character U+%04X is not allowed in YAML", (int) c));
            }
        }
        return body;
    }

    /** C0 controls other than tab, line feed and carriage return, DEL, C1 controls except NEL (YAML 1.1, 5.1). */
    private static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F && c != 0x85)
                || c == 0xFFFE || c == 0xFFFF;
    }

    private record Position(int line, int column) {
        /** The 1-based line and column just after this text. */
        static Position after(CharSequence text) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new Position(line, column);
        }
    }
}
