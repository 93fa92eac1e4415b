package io.egressstudio.cli.certs;

import io.egressstudio.certs.BadMaterialException;
import io.egressstudio.certs.CertificateFiles;
import io.egressstudio.certs.CertificateRequest;
import io.egressstudio.certs.Keys;
import io.egressstudio.model.KeyType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code certs} subcommand shares: bad input becomes exit code 2 with a message that names the file or
 * option and what is wrong; nothing ever prints a stack trace or key material.
 */
abstract class CertsSubcommand implements Callable<Integer> {
    /** Same meaning as {@code EgressStudioCommand.BAD_INPUT}; repeated to keep the packages free of cycles. */
    static final int BAD_INPUT = 2;
    static final int FINDINGS = 1;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (BadMaterialException e) {
            err().println(e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err().println(spec.qualifiedName() + ": failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return 1;
        }
    }

    abstract int execute() throws BadMaterialException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Runs {@code action}; an IllegalArgumentException becomes bad input about {@code source}. */
    static <T> T about(String source, ThrowingSupplier<T> action) throws BadMaterialException {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new BadMaterialException(source, e.getMessage());
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws BadMaterialException;
    }

    static char[] passphrase(Path file) throws BadMaterialException {
        return file == null ? null : CertificateFiles.readPassphrase(file);
    }

    static void wipe(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The same version line as {@code egress-studio --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CertsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"egress-studio " + (version != null ? version : "development build")};
        }
    }

    /** {@code rsa2048 | rsa4096 | ec256}. */
    static final class KeyTypeConverter implements CommandLine.ITypeConverter<KeyType> {
        @Override
        public KeyType convert(String value) {
            try {
                return Keys.parseKeyType(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Whole days, at least 1. */
    static final class DaysConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int days;
            try {
                days = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of days");
            }
            if (days < 1 || days > CertificateRequest.MAX_VALIDITY_DAYS) {
                throw new CommandLine.TypeConversionException("'" + value + "' days: use 1 to "
                        + CertificateRequest.MAX_VALIDITY_DAYS);
            }
            return days;
        }
    }
}
