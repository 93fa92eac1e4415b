package io.egressstudio.gui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressstudio.design.DesignPipeline;
import io.egressstudio.design.PredictionEngines;
import io.egressstudio.io.BuiltInScenarios;
import io.egressstudio.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresenterViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private static final String LINK = "greeting-call";

    private static PresenterViewModel presenter(String name, Executor ui) {
        return new PresenterViewModel(BuiltInScenarios.get(name), new DesignPipeline(PredictionEngines.standard()),
                DIRECT, ui);
    }

    private static PresenterViewModel.LinkRow row(PresenterViewModel vm, String linkId) {
        return vm.rows().stream().filter(r -> r.linkId().equals(linkId)).findFirst().orElseThrow();
    }

    @Test
    void walksTheUnencryptedScenarioPassthroughBlackholeOk() {
        PresenterViewModel vm = presenter("1a-unencrypted-v1", DIRECT);
        assertThat(vm.step()).isZero();
        assertThat(vm.stepCount()).isEqualTo(3);
        assertThat(vm.canPreviousProperty().get()).isFalse();

        List<Outcome> predicted = new ArrayList<>();
        List<Outcome> expected = new ArrayList<>();
        for (int i = 1; i <= vm.stepCount(); i++) {
            vm.next();
            assertThat(vm.step()).isEqualTo(i);
            assertThat(vm.titleProperty().get()).isEqualTo(vm.scenario().steps().get(i - 1).title());
            assertThat(vm.narrativeProperty().get()).isNotBlank();
            assertThat(vm.positionProperty().get()).isEqualTo("Step " + i + " of 3");
            PresenterViewModel.LinkRow row = row(vm, LINK);
            assertThat(row.matches()).as(row.toString()).isTrue();
            predicted.add(row.predicted());
            expected.add(row.expected());
        }
        assertThat(predicted).containsExactly(Outcome.PASSTHROUGH, Outcome.BLACKHOLE, Outcome.OK);
        assertThat(expected).containsExactly(Outcome.PASSTHROUGH, Outcome.BLACKHOLE, Outcome.OK);
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.next();
        assertThat(vm.step()).isEqualTo(3);

        vm.previous();
        assertThat(vm.step()).isEqualTo(2);
        assertThat(row(vm, LINK).predicted()).isEqualTo(Outcome.BLACKHOLE);
        assertThat(vm.shown().steps()).hasSize(3);

        vm.reset();
        assertThat(vm.step()).isZero();
        assertThat(vm.titleProperty().get()).isNotBlank();
        assertThat(row(vm, LINK).expected()).isNull();
        assertThat(vm.shown()).isSameAs(vm.scenario());
    }

    /** Issue 15, point 3: each step of every built-in walkthrough shows what it did. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.egressstudio.io.BuiltInScenarios#names")
    void everyStepOfEveryBuiltInHighlightsWhatItDidAndListsItsResources(String name) {
        PresenterViewModel vm = presenter(name, DIRECT);
        assertThat(vm.highlighted()).as("as drawn").isEmpty();
        assertThat(vm.resourceChanges()).as("as drawn").isEmpty();
        List<Set<String>> highlighted = new ArrayList<>();
        for (int i = 1; i <= vm.stepCount(); i++) {
            vm.next();
            assertThat(vm.highlighted()).as("step " + i + " highlights").isNotEmpty();
            assertThat(vm.resourceChanges()).as("step " + i + " lists its resources").isNotEmpty()
                    .allSatisfy(change -> assertThat(change.text()).matches("[+~−] \\S+ \\S+.*"));
            highlighted.add(Set.copyOf(vm.highlighted()));
        }
        vm.previous();
        if (vm.step() > 0) {
            assertThat(vm.highlighted()).as("back one step: that step's highlights again")
                    .isEqualTo(highlighted.get(vm.step() - 1));
        }
        vm.reset();
        assertThat(vm.highlighted()).isEmpty();
        assertThat(vm.resourceChanges()).isEmpty();
    }

    @Test
    void aStepShownFirstAfterAJumpStillComparesWithThePreviousStep() {
        PresenterViewModel vm = presenter("1a-unencrypted-v1", DIRECT);
        vm.state().stepProperty().set(3);
        assertThat(vm.resourceChanges()).extracting(StepChanges.ResourceChange::text)
                .containsExactly("+ ServiceEntry greetings-client/rest-greeting-remote-mesh-ext");
        assertThat(vm.highlighted()).containsExactlyInAnyOrder("rest-greeting-remote", "greeting-call");
    }

    @Test
    void predictionsArriveOnTheUiExecutorAfterTheStepChanges() {
        List<Runnable> uiQueue = new ArrayList<>();
        PresenterViewModel vm = presenter("1a-unencrypted-v1", uiQueue::add);
        vm.next();
        assertThat(row(vm, LINK).expected()).isEqualTo(Outcome.PASSTHROUGH);
        assertThat(row(vm, LINK).predicted()).isNull();
        assertThat(vm.predicted()).isFalse();
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
        assertThat(vm.predicted()).isTrue();
        assertThat(row(vm, LINK).predicted()).isEqualTo(Outcome.PASSTHROUGH);
    }
}
