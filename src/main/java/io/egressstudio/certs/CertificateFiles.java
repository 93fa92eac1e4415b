package io.egressstudio.certs;

import io.egressstudio.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Certificates and keys on disk, as PEM. A CA folder holds {@code ca.crt} and {@code ca.key}, plus
 * {@code ca-chain.crt} (the CAs above it, root last) for an intermediate. An issued certificate is {@code NAME.crt}
 * (the certificate, then any intermediates) and {@code NAME.key}.
 *
 * <p>Keys are written with permissions 0600 ({@code rw-------}), certificates 0644, a certificate and its key
 * together (a key is never left without its certificate). Nothing is overwritten unless asked.
 */
public final class CertificateFiles {
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String CA_CHAIN = "ca-chain.crt";
    public static final Set<PosixFilePermission> KEY_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> CERTIFICATE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");
    /** No PEM file we read is anywhere near this big. */
    static final long MAX_FILE_SIZE = 1 << 20;

    private CertificateFiles() {
    }

    // ---------------------------------------------------------------- reading

    /** The file as text; a missing, unreadable, binary-looking or huge file is a {@link BadMaterialException}. */
    public static String read(Path file) throws BadMaterialException {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new BadMaterialException(source, "is a folder, not a file");
            }
            // bounded: a device such as /dev/zero reports size 0 and never ends
            return new String(io.egressstudio.io.InputFiles.bytes(file, (int) MAX_FILE_SIZE), StandardCharsets.ISO_8859_1);
        } catch (io.egressstudio.io.InputException e) {
            throw new BadMaterialException(source, e.getMessage().replaceFirst("^cannot read: ", ""));
        }
    }

    public static List<X509Certificate> readCertificates(Path file) throws BadMaterialException {
        return Pem.readCertificates(read(file), file.toString());
    }

    public static PrivateKey readPrivateKey(Path file, char[] passphrase) throws BadMaterialException {
        return Pem.readPrivateKey(read(file), file.toString(), passphrase);
    }

    public static Csr readCsr(Path file) throws BadMaterialException {
        return Csr.parse(read(file), file.toString());
    }

    /** The first line of a passphrase file, without its line ending. */
    public static char[] readPassphrase(Path file) throws BadMaterialException {
        String text = read(file);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new BadMaterialException(file.toString(), "the passphrase (its first line) is empty");
        }
        return new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).toCharArray();
    }

    /** The CA in {@code folder}: {@code ca.crt}, {@code ca.key}, and {@code ca-chain.crt} if it is an intermediate. */
    public static CertificateAuthority loadAuthority(Path folder, char[] passphrase) throws BadMaterialException {
        Path certificateFile = folder.resolve(CA_CERTIFICATE);
        Path keyFile = folder.resolve(CA_KEY);
        if (!Files.isDirectory(folder)) {
            throw new BadMaterialException(folder.toString(), "no such folder; create a CA there with "
                    + "'egress-studio certs init-ca -o " + folder + "'");
        }
        if (!Files.exists(certificateFile)) {
            throw new BadMaterialException(certificateFile.toString(), "no such file; create a CA with "
                    + "'egress-studio certs init-ca -o " + folder + "' or pass --ca DIR");
        }
        List<X509Certificate> certificates = readCertificates(certificateFile);
        PrivateKey key = readPrivateKey(keyFile, passphrase);
        List<X509Certificate> issuers = new ArrayList<>(certificates.subList(1, certificates.size()));
        Path chainFile = folder.resolve(CA_CHAIN);
        if (Files.exists(chainFile)) {
            for (X509Certificate issuer : readCertificates(chainFile)) {
                if (!issuers.contains(issuer)) {
                    issuers.add(issuer);
                }
            }
        }
        return CertificateAuthority.of(certificates.get(0), key, issuers, certificateFile.toString());
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes {@code ca.crt}, {@code ca.key} (0600) and, for an intermediate, {@code ca-chain.crt}, together: all or
     * none of them replace what was there, and the key is placed last, so it is never on disk without its
     * certificate.
     */
    public static List<Path> writeAuthority(CertificateAuthority authority, Path folder, char[] passphrase,
                                            boolean overwrite) throws BadMaterialException {
        Path certificateFile = folder.resolve(CA_CERTIFICATE);
        Path keyFile = folder.resolve(CA_KEY);
        Path chainFile = folder.resolve(CA_CHAIN);
        List<Path> targets = authority.isRoot() ? List.of(certificateFile, keyFile)
                : List.of(certificateFile, keyFile, chainFile);
        refuseExisting(targets, overwrite);
        List<AtomicFile.Entry> files = new ArrayList<>();
        files.add(certificateEntry(certificateFile, List.of(authority.certificate())));
        if (!authority.isRoot()) {
            files.add(certificateEntry(chainFile, authority.issuers()));
        }
        files.add(keyEntry(keyFile, authority.privateKey(), passphrase));
        writeTogether(files);
        if (authority.isRoot() && overwrite) {
            deleteQuietly(chainFile);
        }
        return targets;
    }

    /** Writes {@code NAME.crt} (certificate and intermediates) and, if there is a key, {@code NAME.key} (0600). */
    public static List<Path> writeIssued(IssuedCertificate issued, Path folder, String name, char[] passphrase,
                                         boolean overwrite) throws BadMaterialException {
        return writeIssued(Map.of(name, issued), folder, passphrase, overwrite);
    }

    /**
     * Writes {@code NAME.crt} and {@code NAME.key} (0600) for each name, together: all or none of them replace what
     * was there, and the keys are placed after every certificate, so no key is ever on disk without its
     * certificate. Returns the files in the map's order, each certificate before its key.
     */
    public static List<Path> writeIssued(Map<String, IssuedCertificate> issued, Path folder, char[] passphrase,
                                         boolean overwrite) throws BadMaterialException {
        List<Path> targets = new ArrayList<>();
        List<AtomicFile.Entry> certificates = new ArrayList<>();
        List<AtomicFile.Entry> keys = new ArrayList<>();
        for (Map.Entry<String, IssuedCertificate> item : issued.entrySet()) {
            Path certificateFile = folder.resolve(item.getKey() + ".crt");
            targets.add(certificateFile);
            certificates.add(certificateEntry(certificateFile, item.getValue().chain()));
            if (item.getValue().privateKey().isPresent()) {
                Path keyFile = folder.resolve(item.getKey() + ".key");
                targets.add(keyFile);
                keys.add(keyEntry(keyFile, item.getValue().privateKey().get(), passphrase));
            }
        }
        refuseExisting(targets, overwrite);
        List<AtomicFile.Entry> files = new ArrayList<>(certificates);
        files.addAll(keys);
        writeTogether(files);
        return targets;
    }

    /** The key as PKCS#8 PEM, encrypted when a passphrase is given, in a file with permissions 0600. */
    public static void writeKey(Path file, PrivateKey key, char[] passphrase) throws BadMaterialException {
        writeTogether(List.of(keyEntry(file, key, passphrase)));
    }

    /** Text that holds secrets (a key, a Secret manifest with key data): written with permissions 0600. */
    public static void writeSecretText(Path file, String text) throws BadMaterialException {
        writeTogether(List.of(entry(file, text, KEY_PERMISSIONS)));
    }

    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws BadMaterialException {
        writeTogether(List.of(certificateEntry(file, certificates)));
    }

    private static AtomicFile.Entry keyEntry(Path file, PrivateKey key, char[] passphrase) {
        String pem = passphrase == null ? Pem.privateKey(key) : Pem.encryptedPrivateKey(key, passphrase);
        return entry(file, pem, KEY_PERMISSIONS);
    }

    private static AtomicFile.Entry certificateEntry(Path file, List<X509Certificate> certificates) {
        return entry(file, Pem.certificates(certificates), CERTIFICATE_PERMISSIONS);
    }

    private static AtomicFile.Entry entry(Path file, String text, Set<PosixFilePermission> permissions) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new AtomicFile.Entry(file, out -> out.write(bytes), permissions);
    }

    private static void writeTogether(List<AtomicFile.Entry> files) throws BadMaterialException {
        try {
            AtomicFile.writeAll(files);
        } catch (FileSystemException e) {
            String file = e.getFile() != null ? e.getFile() : files.get(0).target().toString();
            String reason = e instanceof AccessDeniedException && e.getReason() == null ? "permission denied"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new BadMaterialException(file, "cannot write: " + reason);
        } catch (IOException e) {
            throw new BadMaterialException(files.get(0).target().toString(), "cannot write: " + e.getMessage());
        }
    }

    /** Fails on the first target that exists, unless {@code overwrite}. */
    public static void refuseExisting(List<Path> targets, boolean overwrite) throws BadMaterialException {
        if (overwrite) {
            return;
        }
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new BadMaterialException(target.toString(), "already exists; pass --force to replace it");
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale chain file is harmless next to a root CA: loadAuthority only adds issuers it finds
        }
    }
}
