package io.egressstudio.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.io.BuiltInDesigns;
import io.egressstudio.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the live overlay looks for per link: through an egress gateway's service, or the client's own series. */
class LinkTargetsTest {
    @Test
    void aLinkThroughAWaypointIsJudgedOnTheClientsOwnSeriesWhileASidecarGatewayIsAHopOfItsOwn() {
        List<LinkTarget> ambient = LinkTargets.of(BuiltInDesigns.finished("3-egress-authz-ambient"));
        assertThat(ambient).extracting(LinkTarget::linkId, LinkTarget::viaGateway, LinkTarget::predicted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("greeting-call", false, Outcome.OK),
                        org.assertj.core.groups.Tuple.tuple("other-call", false, Outcome.DENIED));

        List<LinkTarget> sidecars = LinkTargets.of(BuiltInDesigns.finished("3-egress-authz"));
        assertThat(sidecars).allSatisfy(t -> assertThat(t.viaGateway()).isTrue());
    }
}
