package io.egressstudio.certs;

import io.egressstudio.cli.EgressStudioCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code egress-studio} in-process and keeps what it printed; every run is also kept for leak checks. */
final class Cli {
    record Run(List<String> args, int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final List<Run> runs = new ArrayList<>();

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EgressStudioCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        Run run = new Run(List.of(args), exit, out.toString(), err.toString());
        runs.add(run);
        return run;
    }

    /** Runs and insists on exit 0, showing the output otherwise. */
    Run ok(String... args) {
        Run run = run(args);
        if (run.exit() != 0) {
            throw new AssertionError("egress-studio " + String.join(" ", args) + " exited " + run.exit() + ":\n"
                    + run.all());
        }
        return run;
    }
}
