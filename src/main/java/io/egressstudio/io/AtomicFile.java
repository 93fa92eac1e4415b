package io.egressstudio.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so that readers see the old content or the new, never a half: a temporary file in the same folder,
 * flushed to disk, then renamed over the target. If anything fails, the target is untouched and the temporary file
 * is removed.
 *
 * <p>What a user would otherwise trip over: a read-only target is refused, not replaced; a replaced file keeps its
 * mode (a new one is 0600 unless permissions are given); a symbolic link is followed and the file it points to is
 * written, so the link stays; temporary files ({@code .NAME.HEX.tmp}) that a killed save left next to the target
 * are removed by the next save.
 */
public final class AtomicFile {
    /** Writes the content; may throw part-way. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** One file of {@link #writeAll}: where, what, and its permissions (null: keep the old file's, or 0600). */
    public record Entry(Path target, Content content, Set<PosixFilePermission> permissions) {
    }

    /** The target is read-only: it was not replaced. */
    public static final class ReadOnlyException extends AccessDeniedException {
        ReadOnlyException(Path file) {
            super(file.toString(), null, "the file is read-only; make it writable to replace it");
        }
    }

    /** A leftover temporary file younger than this may be another save in progress: it is left alone. */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, null);
    }

    /** As {@link #write(Path, Content)}, creating the file with these POSIX permissions (e.g. 0600 for keys). */
    public static void write(Path target, Content content, Set<PosixFilePermission> permissions) throws IOException {
        writeAll(List.of(new Entry(target, content, permissions)));
    }

    /**
     * Writes several files as nearly together as a file system allows: every file is written in full to its
     * temporary file first, then each is renamed into place in the order given. If any write or rename fails, the
     * files already renamed are put back as they were (or removed, if they did not exist). Give the file that must
     * never be alone (a private key) last.
     */
    public static void writeAll(List<Entry> entries) throws IOException {
        writeAll(entries, AtomicFile::moveIntoPlace);
    }

    /** How a finished temporary file replaces its target; tests make it fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path temporary, Path target) throws IOException;
    }

    static void writeAll(List<Entry> entries, Mover mover) throws IOException {
        Map<Path, Entry> byTarget = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Path target = followLinks(entry.target().toAbsolutePath());
            refuseReadOnly(target);
            byTarget.put(target, entry);
        }
        List<Path> temporaries = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        try {
            Map<Path, Path> prepared = new LinkedHashMap<>();
            for (Map.Entry<Path, Entry> item : byTarget.entrySet()) {
                Path target = item.getKey();
                Files.createDirectories(target.getParent());
                removeStaleTemporaries(target);
                Path temporary = createTemporary(target);
                temporaries.add(temporary);
                Set<PosixFilePermission> mode = item.getValue().permissions() != null
                        ? item.getValue().permissions() : existingMode(target);
                writeTemporary(temporary, item.getValue().content(), mode);
                prepared.put(target, temporary);
            }
            if (prepared.size() == 1) {
                var only = prepared.entrySet().iterator().next();
                mover.move(only.getValue(), only.getKey());
            } else {
                renameTogether(prepared, backups, mover);
            }
            syncFolders(prepared.keySet());
        } finally {
            for (Path path : temporaries) {
                Files.deleteIfExists(path);
            }
            for (Path path : backups) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Renames each temporary over its target; on a failure puts the earlier targets back. */
    private static void renameTogether(Map<Path, Path> prepared, List<Path> backups, Mover mover)
            throws IOException {
        Map<Path, Path> previous = new LinkedHashMap<>();
        for (Path target : prepared.keySet()) {
            if (Files.isRegularFile(target)) {
                Path backup = createTemporary(target);
                Files.delete(backup);
                backups.add(backup);
                try {
                    Files.createLink(backup, target);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                }
                previous.put(target, backup);
            }
        }
        List<Path> placed = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> item : prepared.entrySet()) {
                mover.move(item.getValue(), item.getKey());
                placed.add(item.getKey());
            }
        } catch (IOException | RuntimeException e) {
            for (Path target : placed) {
                try {
                    Path backup = previous.get(target);
                    if (backup != null) {
                        moveIntoPlace(backup, target);
                    } else {
                        Files.deleteIfExists(target);
                    }
                } catch (IOException undo) {
                    // keep the backup: it is the only copy of the previous file now
                    backups.remove(previous.get(target));
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    /** The file a chain of symbolic links ends at (which need not exist yet); the path itself if it is no link. */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /**
     * A file whose permissions allow no one to write it was made read-only on purpose: replacing it would go
     * around that (the folder's permissions allow a rename; root ignores the mode), so it is refused.
     */
    private static void refuseReadOnly(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        boolean readOnly = !Files.isWritable(target);
        if (!readOnly && posix(target.getParent())) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
            readOnly = !mode.contains(PosixFilePermission.OWNER_WRITE) && !mode.contains(PosixFilePermission.GROUP_WRITE)
                    && !mode.contains(PosixFilePermission.OTHERS_WRITE);
        }
        if (readOnly) {
            throw new ReadOnlyException(target);
        }
    }

    private static Set<PosixFilePermission> existingMode(Path target) throws IOException {
        if (Files.isRegularFile(target) && posix(target.getParent())) {
            return Files.getPosixFilePermissions(target);
        }
        return null;
    }

    /** {@code .NAME.HEX.tmp} beside the target, created 0600 so content never shows to others part-way. */
    private static Path createTemporary(Path target) throws IOException {
        Path folder = target.getParent();
        boolean posix = posix(folder);
        while (true) {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            Path temporary = folder.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
            try {
                Path created = posix ? Files.createFile(temporary, PosixFilePermissions.asFileAttribute(NEW_FILE))
                        : Files.createFile(temporary);
                try {
                    // a JVM that ends normally (Ctrl+C, SIGTERM, System.exit) mid-save takes its temporary file along
                    created.toFile().deleteOnExit();
                } catch (IllegalStateException shuttingDown) {
                    // a save from a shutdown hook: the finally block of the save removes the file
                }
                return created;
            } catch (FileAlreadyExistsException e) {
                // another random name
            }
        }
    }

    private static void writeTemporary(Path temporary, Content content, Set<PosixFilePermission> mode)
            throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(channel)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        if (mode != null && posix(temporary.getParent())) {
            Files.setPosixFilePermissions(temporary, mode);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temporary files of ours beside the target, left by a save that was killed, older than {@link #STALE_AFTER}. */
    static List<Path> staleTemporaries(Path target) throws IOException {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.[0-9a-f]{16}\\.tmp");
        Instant before = Instant.now().minus(STALE_AFTER);
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(target.getParent())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (ours.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)
                        && modified(file).toInstant().isBefore(before)) {
                    stale.add(file);
                }
            }
        }
        return stale;
    }

    private static void removeStaleTemporaries(Path target) {
        try {
            for (Path stale : staleTemporaries(target)) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            // tidying up is a courtesy: the save itself does not depend on it
        }
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }

    /** Makes the renames themselves durable (best effort: not every platform can open a folder). */
    private static void syncFolders(Set<Path> targets) {
        targets.stream().map(Path::getParent).distinct().forEach(folder -> {
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                // the data is on disk; only the rename might be lost on a power cut
            }
        });
    }

    private static boolean posix(Path folder) throws IOException {
        return Files.getFileStore(Files.exists(folder) ? folder : folder.getRoot()).supportsFileAttributeView("posix");
    }
}
