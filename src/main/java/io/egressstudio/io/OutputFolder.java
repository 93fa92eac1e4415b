package io.egressstudio.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of generated files, replaced as a whole: everything is written into a hidden sibling
 * ({@code .NAME.egress-studio-new-HEX}), then the old folder is renamed aside and the new one renamed into its place.
 * A kill or a full disk leaves the old folder or the new one, never a mix; leftovers of an interrupted run are removed
 * by the next. A folder that holds files Egress Studio did not write (it has no {@value #MARKER}) is refused unless
 * forced. See docs/decisions/0024-files-written-whole.md.
 */
public final class OutputFolder {
    /** The file that says "Egress Studio wrote this folder and may replace it". */
    public static final String MARKER = ".egress-studio-output";
    static final String MARKER_TEXT = "This folder was written by Egress Studio, which replaces it as a whole the next"
            + " time it writes here.\nDelete this file to keep Egress Studio from replacing the folder without --force.\n";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the folder's files into the (empty) folder it is given. */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    /** The folder cannot or may not be replaced; the message says why and what to do. */
    public static final class RefusedException extends FileSystemException {
        RefusedException(Path folder, String reason) {
            super(folder.toString(), null, reason);
        }
    }

    private OutputFolder() {
    }

    /**
     * Replaces {@code target} with a folder holding exactly what {@code content} writes (plus {@value #MARKER}).
     *
     * @param force replace a non-empty folder that Egress Studio did not write (its files are deleted)
     * @throws RefusedException the target is a file, holds the current folder, or is not ours and not forced
     */
    public static void replace(Path target, boolean force, Content content) throws IOException {
        replace(target, force, content, Path.of("").toAbsolutePath(), OutputFolder::rename);
    }

    static void replace(Path target, boolean force, Content content, Path currentFolder, AtomicFile.Mover mover)
            throws IOException {
        Path folder = AtomicFile.followLinks(target.toAbsolutePath().normalize());
        Path parent = folder.getParent();
        if (parent == null) {
            throw new RefusedException(target, "cannot replace the root folder; write into a folder of its own");
        }
        if (currentFolder.toAbsolutePath().normalize().startsWith(folder)) {
            throw new RefusedException(target, "is the current folder or holds it, which cannot be replaced as a "
                    + "whole; write into a folder of its own, e.g. -o out");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new RefusedException(target, "is a file, not a folder");
        }
        if (!force && !isEmpty(folder) && !isOurs(folder)) {
            throw new RefusedException(target, "is not empty and Egress Studio did not write it (it has no "
                    + MARKER + "); pass --force to replace it and everything in it, or choose another folder");
        }
        Files.createDirectories(parent);
        removeLeftovers(folder);
        Path staging = Files.createDirectory(sibling(folder, "new"));
        try {
            content.writeInto(staging);
            AtomicFile.write(staging.resolve(MARKER), out -> out.write(MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
            keepMode(folder, staging);
            swap(staging, folder, mover);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Whether Egress Studio wrote this folder (it holds {@value #MARKER}). */
    public static boolean isOurs(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    /** Puts the new folder in place of the old; if that fails, the old one goes back. */
    private static void swap(Path staging, Path folder, AtomicFile.Mover mover) throws IOException {
        if (!Files.exists(folder)) {
            mover.move(staging, folder);
            return;
        }
        Path old = sibling(folder, "old");
        rename(folder, old);
        try {
            mover.move(staging, folder);
        } catch (IOException | RuntimeException e) {
            try {
                rename(old, folder);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        deleteQuietly(old);
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static Path sibling(Path folder, String role) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return folder.resolveSibling("." + folder.getFileName() + ".egress-studio-" + role + "-"
                + HexFormat.of().formatHex(random));
    }

    /** The new and old folders an interrupted run left beside {@code folder}, once they are clearly not in use. */
    static List<Path> leftovers(Path folder) throws IOException {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(folder.getFileName().toString())
                + "\\.egress-studio-(new|old)-[0-9a-f]{16}");
        Instant before = Instant.now().minus(AtomicFile.STALE_AFTER);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(folder.getParent())) {
            for (Path sibling : (Iterable<Path>) siblings::iterator) {
                if (ours.matcher(sibling.getFileName().toString()).matches() && Files.isDirectory(sibling)
                        && Files.getLastModifiedTime(sibling).toInstant().isBefore(before)) {
                    found.add(sibling);
                }
            }
        }
        return found;
    }

    private static void removeLeftovers(Path folder) throws IOException {
        for (Path leftover : leftovers(folder)) {
            deleteTree(leftover);
        }
    }

    /** The new folder gets the old one's permissions (a folder shared with a group stays shared). */
    private static void keepMode(Path folder, Path staging) throws IOException {
        if (Files.isDirectory(folder) && Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(staging, Files.getPosixFilePermissions(folder));
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            // a leftover hidden folder: the next run removes it
        }
    }

    /** Deletes a tree without following links out of it. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
