package io.egressstudio.cli.certs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code egress-studio certs}: the CA workbench. Lives beside the certificate logic rather than in {@code cli/} so that
 * the workbench stays one package to review; it is as thin as the other commands (parse, call, print).
 */
@Command(name = "certs", mixinStandardHelpOptions = true, versionProvider = CertsSubcommand.Version.class,
        description = {"Make and check the certificates of a scenario: a CA, server and client certificates with "
                + "SANs, the Secrets that hold them.",
            "Keys are written with permissions 0600 and never printed, except in the Secret YAML of 'certs secret'."},
        subcommands = {InitCaCommand.class, IssueCommand.class, InspectCommand.class, SecretCommand.class,
                ScenarioCertsCommand.class})
public final class CertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
