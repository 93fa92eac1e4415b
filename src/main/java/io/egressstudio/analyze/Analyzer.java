package io.egressstudio.analyze;

import io.egressstudio.mesh.MeshView;
import java.util.List;
import java.util.function.Consumer;

/** One check over the mesh view, after Istio's analyzers: a name, what it reads, and the codes it reports. */
public interface Analyzer {
    /** A short name, such as {@code destinationrule.CaCertificates}. */
    String name();

    String description();

    /** The message types this analyzer may report. */
    List<MessageType> messages();

    void analyze(MeshView view, Consumer<Finding> report);
}
