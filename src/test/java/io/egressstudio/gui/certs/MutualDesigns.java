package io.egressstudio.gui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.ElementPatch;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.io.Steps;
import io.egressstudio.model.ExternalService;
import io.egressstudio.model.Link;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.util.List;

/** Designs for the certificate tests. */
public final class MutualDesigns {
    private MutualDesigns() {
    }

    /**
     * 1a-mutual, finished and without steps, as drawn before anyone chose its certificates: the MUTUAL link
     * {@code greeting-call} names no CA and no client certificate, the service no certificates, and none exist.
     */
    public static Scenario withoutCertificates() throws Steps.StepException {
        Scenario builtIn = BuiltInScenarios.get("1a-mutual");
        Scenario finished = Steps.after(builtIn, builtIn.steps().size()).withSteps(List.of());
        Link link = finished.links().get(0);
        link = (Link) ElementPatch.setField(ElementPatch.setField(link, "sidecarTls.caCertificate", null),
                "sidecarTls.clientCertificate", null);
        ExternalService service = finished.externalService(link.to()).orElseThrow();
        service = (ExternalService) ElementPatch.setField(ElementPatch.setField(ElementPatch.setField(service,
                "server.certificate", null), "server.ca", null), "server.ingress.clientCa", null);
        Scenario s = ScenarioEdits.with(finished, null, null, null, null, null, null, List.of(), null);
        s = ScenarioEdits.replace(ScenarioEdits.replace(s, link.id(), link), service.id(), service);
        assertThat(ScenarioValidator.validate(s)).isEmpty();
        assertThat(s.certificates()).isEmpty();
        return s;
    }
}
